"""Shared fixtures: the handouts are built once per test session (the proofs take a while)."""

import pytest


@pytest.fixture(scope="session")
def results():
    from reports.pipeline import claim_results

    return claim_results(n_max=3)


@pytest.fixture(scope="session")
def experiment():
    from reports.experiments import experiment_data

    return experiment_data()


@pytest.fixture(scope="session")
def lecture():
    from reports.lecture import check_lecture

    return check_lecture()


@pytest.fixture(scope="session")
def documents(results, experiment, lecture):
    from reports.pipeline import documents as build

    return build(("ru", "en"), results=results, data=experiment, lecture=lecture)


@pytest.fixture(scope="session")
def handout_files(documents):
    from reports.markdown import render_markdown
    from reports.tex import render_tex

    files = {}
    for lang, document in documents.items():
        files[f"softmax.{lang}.tex"] = render_tex(document)
        files.update(render_markdown(document, f"softmax.{lang}"))
    return files


@pytest.fixture(scope="session")
def handout_dir(handout_files, tmp_path_factory):
    from reports.atomic import write_all

    folder = tmp_path_factory.mktemp("handouts")
    write_all(folder, handout_files)
    return folder


@pytest.fixture(scope="session")
def student_files(results, experiment, lecture):
    from reports.build import stem
    from reports.markdown import render_markdown
    from reports.pipeline import documents as build
    from reports.tex import render_tex

    files = {}
    for lang, document in build(("ru", "en"), results=results, data=experiment, lecture=lecture,
                                edition="student").items():
        files[f"{stem(lang, 'student')}.tex"] = render_tex(document)
        files.update(render_markdown(document, stem(lang, "student")))
    return files
