"""The PyTorch adapter: a module's parameter gradients and a function's, checked in float64.

torch is an optional extra: without it these tests skip, except in CI (CI=true), where a
missing torch is a failure.
"""

import os
import subprocess
import sys

import numpy as np
import pytest

if os.environ.get("CI", "").lower() == "true":
    import torch  # in CI the extra is installed: a missing torch must fail here, not skip
else:
    torch = pytest.importorskip("torch")

from numeric.gradcheck import check_torch_function, check_torch_module


class WrongSigmoid(torch.autograd.Function):
    """A sigmoid whose backward forgets the factor (1 - s): a planted bug."""

    @staticmethod
    def forward(ctx, x):
        s = torch.sigmoid(x)
        ctx.save_for_backward(s)
        return s

    @staticmethod
    def backward(ctx, grad):
        (s,) = ctx.saved_tensors
        return grad * s


class Net(torch.nn.Module):
    def __init__(self, wrong=False):
        super().__init__()
        self.hidden = torch.nn.Linear(12, 6)
        self.out = torch.nn.Linear(6, 4)
        self.wrong = wrong

    def forward(self, x):
        z = self.hidden(x)
        a = WrongSigmoid.apply(z) if self.wrong else torch.sigmoid(z)
        return self.out(a)


def data():
    g = torch.Generator().manual_seed(0)
    return torch.randn(5, 12, generator=g, dtype=torch.float64), \
        torch.randint(0, 4, (5,), generator=g)


def loss_of(X, y):
    return lambda m: torch.nn.functional.cross_entropy(m(X), y)


def test_a_correct_module_passes_with_entries_named_as_in_named_parameters():
    torch.manual_seed(0)
    X, y = data()
    result = check_torch_module(Net(), loss_of(X, y), top=100)
    assert result.ok, str(result)
    assert {name for name, *_ in result.resolution} == {"hidden.weight", "hidden.bias",
                                                        "out.weight", "out.bias"}
    assert any(e.label.startswith("hidden.weight[") for e in result.worst)
    assert result.method == "richardson" and "real float64" in result.reason


def test_a_wrong_backward_is_caught_in_the_layer_below_it():
    torch.manual_seed(0)
    X, y = data()
    result = check_torch_module(Net(wrong=True), loss_of(X, y))
    assert not result.ok
    assert {e.param for e in result.mismatches} == {"hidden.weight", "hidden.bias"}


def test_the_module_is_left_as_it_was():
    torch.manual_seed(0)
    net = Net().float()
    before = {n: p.detach().clone() for n, p in net.named_parameters()}
    X, y = data()
    assert check_torch_module(net, loss_of(X, y)).ok  # the copy is float64: so is X
    for n, p in net.named_parameters():
        assert p.dtype == torch.float32 and torch.equal(p, before[n]) and p.grad is None


def test_a_torch_function_and_a_wrong_one():
    g = torch.Generator().manual_seed(1)
    x, w = torch.randn(3, 4, generator=g), torch.randn(4, 2, generator=g)
    good = check_torch_function(lambda x, w: (torch.tanh(x @ w) ** 2).sum(), x, w)
    assert good.ok and {n for n, *_ in good.resolution} == {"input0", "input1"}
    bad = check_torch_function(lambda x, w: WrongSigmoid.apply(x @ w).sum(), x, w)
    assert not bad.ok and bad.mismatches


def test_bad_arguments_are_named():
    with pytest.raises(TypeError, match="torch.nn.Module"):
        check_torch_module(object(), lambda m: 0)
    with pytest.raises(ValueError, match="must return a scalar tensor"):
        check_torch_module(Net(), lambda m: m(torch.zeros(2, 12, dtype=torch.float64)))
    with pytest.raises(TypeError, match="input 0 must be a torch.Tensor"):
        check_torch_function(lambda x: x.sum(), np.ones(3))


def test_importing_numeric_does_not_import_torch():
    code = "import sys, numeric, numeric.gradcheck; print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "False", out.stderr
