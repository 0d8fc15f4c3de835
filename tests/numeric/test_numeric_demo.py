"""Training, saving and loading, and the data behind the handouts' figures."""

import subprocess
import sys

import numpy as np
import pytest

from numeric import Network
from numeric.digits import DemoDependencyError, load_digits
from numeric.experiments import output_distributions, slowdown_experiment, train_digits
from numeric.persist import load_network, save_network
from num_sklearn import require_sklearn


def test_synthetic_training_learns():
    net, d = train_digits("synthetic", epochs=5)
    assert net.accuracy(d.X_test, d.labels_test) > 0.8


def test_real_digits_reach_95_percent():
    require_sklearn()
    net, d = train_digits("digits")
    assert net.accuracy(d.X_test, d.labels_test) >= 0.95


def test_missing_sklearn_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "sklearn", None)
    monkeypatch.setitem(sys.modules, "sklearn.datasets", None)
    with pytest.raises(DemoDependencyError, match=r"pip install 'softmax-proofs\[demo\]'"):
        load_digits()


def test_output_distributions_are_distributions():
    net, d = train_digits("synthetic", epochs=3)
    items = output_distributions(net, d, count=4)
    assert len(items) == 4
    for item in items:
        assert item["image"].shape == (8, 8) and item["a"].shape == (10,)
        assert abs(item["sum"] - 1.0) <= 1e-12
        assert item["predicted"] == int(np.argmax(item["a"]))
    again = output_distributions(net, d, count=4)
    assert all(np.array_equal(x["a"], y["a"]) and x["index"] == y["index"]
               for x, y in zip(items, again))


def test_slowdown_quadratic_stalls_while_cross_entropy_learns():
    r = slowdown_experiment("synthetic", epochs=6)
    quad, ce = r["setups"]["quadratic"], r["setups"]["cross_entropy"]
    assert r["claim"] == "no-slowdown" and r["epochs"] == list(range(7))
    assert quad["cost"][0] > 0 and len(quad["accuracy"]) == 7
    assert ce["accuracy"][3] > 0.8 and quad["accuracy"][3] < 0.3
    # The quadratic cost's bias gradient carries sigma'(z), tiny at saturation.
    assert quad["bias_grad"][0] < 0.1 * ce["bias_grad"][0]
    assert quad["sigma_prime"][0] < 0.02


def test_slowdown_is_deterministic():
    a = slowdown_experiment("synthetic", epochs=2)
    b = slowdown_experiment("synthetic", epochs=2)
    assert a == b


def test_save_and_load_round_trip(tmp_path):
    net = Network([4, 3, 2], "tanh", seed=0)
    path = save_network(net, tmp_path / "net.npz")
    again = load_network(path, sizes=[4, 3, 2])
    assert again.activation.name == "tanh"
    assert all(np.array_equal(p, q) for p, q in zip(net.params, again.params))
    assert [f.name for f in tmp_path.iterdir()] == ["net.npz"]  # no temporary left behind


def test_load_refuses_corrupt_and_mismatched_files(tmp_path):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a zip file")
    with pytest.raises(ValueError, match="not a readable .npz"):
        load_network(bad)
    good = save_network(Network([4, 3, 2], seed=0), tmp_path / "good.npz")
    with pytest.raises(ValueError, match=r"sizes \[4, 3, 2\], expected \[64, 30, 10\]"):
        load_network(good, sizes=[64, 30, 10])
    other = tmp_path / "other.npz"
    np.savez(other, x=np.zeros(3))
    with pytest.raises(ValueError, match="format tag"):
        load_network(other)
    data = dict(np.load(good))
    data["w1"] = np.zeros((5, 3))
    np.savez(tmp_path / "shape.npz", **data)
    with pytest.raises(ValueError, match=r"w1 has shape \(5, 3\)"):
        load_network(tmp_path / "shape.npz")


def run_train(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "numeric.train", *args], capture_output=True,
                          text=True, timeout=300, cwd=cwd)


def test_train_cli_synthetic_saves_and_loads(tmp_path):
    out = tmp_path / "n.npz"
    proc = run_train("--data", "synthetic", "--epochs", "2", "--save", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "epoch   2/2" in proc.stdout and "accuracy: " in proc.stdout and out.exists()
    loaded = run_train("--data", "synthetic", "--load", str(out))
    assert loaded.returncode == 0
    final = [l for l in proc.stdout.splitlines() if l.startswith("accuracy: ")]
    assert final[0] in loaded.stdout


def test_train_cli_digits_prints_accuracy(tmp_path):
    require_sklearn()
    proc = run_train("--no-save")
    assert proc.returncode == 0
    line = [l for l in proc.stdout.splitlines() if l.startswith("accuracy: ")][0]
    assert float(line.split()[1].rstrip("%")) >= 95.0


@pytest.mark.parametrize("args", [["--epochs", "0"], ["--sizes", "64,10,3"],
                                  ["--load", "/nonexistent/x.npz"], ["--eta", "-1"]])
def test_train_cli_errors_are_one_line(args):
    proc = run_train(*args)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


def test_train_cli_refuses_corrupt_file(tmp_path):
    bad = tmp_path / "bad.npz"
    bad.write_text("garbage")
    proc = run_train("--load", str(bad), "--data", "synthetic")
    assert proc.returncode == 2 and "not a readable .npz" in proc.stderr
