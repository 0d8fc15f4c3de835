"""Loading a network file: headers checked before any array is read; sizes must be integers."""

import io
import subprocess
import sys
import tracemalloc
import zipfile

import numpy as np
import pytest

from numeric import Network
from numeric.persist import FORMAT, load_network, save_network


def npy(array):
    buf = io.BytesIO()
    np.lib.format.write_array(buf, np.asarray(array))
    return buf.getvalue()


def header(shape):
    buf = io.BytesIO()
    np.lib.format.write_array_header_1_0(
        buf, {"descr": "<f8", "fortran_order": False, "shape": shape})
    return buf.getvalue()


def write_npz(path, sizes, members, compression=zipfile.ZIP_STORED):
    meta = {"format": np.array(FORMAT), "sizes": np.array(sizes),
            "activation": np.array("sigmoid"), "cost": np.array("cross_entropy")}
    with zipfile.ZipFile(path, "w", compression=compression) as zf:
        for name, value in meta.items():
            zf.writestr(f"{name}.npy", npy(value))
        for name, data in members.items():
            zf.writestr(f"{name}.npy", data)
    return path


def test_a_file_declaring_10_to_the_12_floats_is_refused_from_its_header(tmp_path):
    path = write_npz(tmp_path / "huge.npz", [10 ** 6, 10 ** 6],
                     {"w1": header((10 ** 6, 10 ** 6)) + bytes(19000)})
    assert path.stat().st_size < 25_000
    with pytest.raises(ValueError, match=r"w1 declares shape \(1000000, 1000000\)"):
        load_network(path)


def test_a_zip_bomb_is_not_inflated(tmp_path):
    # 80 MB of zeros compress to about 80 KB; the declared shape does not fit sizes 4,3,2.
    data = header((10 ** 4, 10 ** 3)) + bytes(8 * 10 ** 7)
    path = write_npz(tmp_path / "bomb.npz", [4, 3, 2], {"w1": data},
                     compression=zipfile.ZIP_DEFLATED)
    assert path.stat().st_size < 10 ** 6
    tracemalloc.start()
    with pytest.raises(ValueError, match=r"w1 has shape \(10000, 1000\) .* expected .*\(4, 3\)"):
        load_network(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 10 ** 7


def test_sizes_beyond_the_byte_limit_are_refused(tmp_path):
    path = write_npz(tmp_path / "big.npz", [10 ** 5, 10 ** 5, 2],
                     {"w1": header((10 ** 5, 10 ** 5)), "b1": header((10 ** 5,)),
                      "w2": header((10 ** 5, 2)), "b2": header((2,))})
    with pytest.raises(ValueError, match="declares shape|more than"):
        load_network(path)


def test_a_saved_network_still_loads(tmp_path):
    net = Network([4, 3, 2], seed=1)
    again = load_network(save_network(net, tmp_path / "n.npz"))
    assert all(np.array_equal(p, q) for p, q in zip(net.params, again.params))


def test_train_load_of_a_huge_header_is_one_line_exit_2(tmp_path):
    path = write_npz(tmp_path / "huge.npz", [10 ** 6, 10 ** 6],
                     {"w1": header((10 ** 6, 10 ** 6)) + bytes(19000)})
    proc = subprocess.run([sys.executable, "-m", "numeric.train", "--load", str(path),
                           "--data", "synthetic"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "declares shape" in proc.stderr


@pytest.mark.parametrize("sizes", [[10, 2.5], [], [3], [3, 0], [3, True], [3.0, 2], "ab", None])
def test_network_refuses_sizes_that_are_not_integers_at_least_1(sizes):
    with pytest.raises(ValueError, match="each an integer >= 1"):
        Network(sizes)


def test_network_accepts_numpy_integers():
    assert Network(np.array([3, 2]), seed=0).sizes == [3, 2]
