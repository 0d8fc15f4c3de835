r"""Check PyTorch gradients with this checker: a module's parameters, or a function's inputs.

PyTorch is optional (``pip install 'softmax-proofs[torch]'``) and is imported
only when one of these functions is called.  Everything is evaluated in
float64 on a copy, so the module or tensors passed in are not changed:

* :func:`check_torch_module` compares the gradients that autograd gives for
  every parameter of a ``torch.nn.Module`` (entries named as in
  ``named_parameters()``: ``0.weight[3, 7]``) with finite differences of
  ``loss(module)``;
* :func:`check_torch_function` does the same for the tensor arguments of a
  function that returns a scalar tensor.

Both return a :class:`~numeric.gradcheck.result.GradCheckResult`.  The
parameters are real float64 tensors, so the complex step is not available:
``method="auto"`` chooses Richardson and says why.
"""

import copy

import numpy as np

from .core import check_gradients

__all__ = ["check_torch_module", "check_torch_function"]

_REAL_ONLY = ("the torch adapter evaluates in real float64 tensors; complex parameters "
              "are not passed to torch")


def _torch():
    try:
        import torch
    except ImportError:
        raise ModuleNotFoundError("checking PyTorch gradients needs torch: pip install "
                                  "'softmax-proofs[torch]'") from None
    return torch


def _check_single_threaded(torch, *args, **options):
    """Run :func:`check_gradients` with torch on one thread, restoring its setting after.

    The check alternates many small torch and NumPy operations; torch's
    worker threads spinning between them against NumPy's made each call of
    f a hundred times slower on a 2-core machine.
    """
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        return check_gradients(*args, **options)
    finally:
        torch.set_num_threads(threads)


def _scalar(torch, out, what):
    if not isinstance(out, torch.Tensor) or out.numel() != 1:
        got = f"a tensor of shape {tuple(out.shape)}" if isinstance(out, torch.Tensor) else \
            type(out).__name__
        raise ValueError(f"{what} must return a scalar tensor (one element), got {got}")
    return out.reshape(())


def check_torch_module(module, loss, **options):
    """Check the parameter gradients of ``module`` for the scalar ``loss(module)``.

    ``loss`` is a function of the module (e.g. ``lambda m: F.cross_entropy(m(X), y)``);
    it receives a float64 copy of the module, so its inputs must be float64 too.
    Parameters with ``requires_grad`` are checked; a parameter that autograd
    leaves without a gradient is taken to have gradient 0.  ``options`` are
    those of :func:`numeric.check_gradients` (``method``, ``mode``, ``seed``, ...).
    """
    torch = _torch()
    if not isinstance(module, torch.nn.Module):
        raise TypeError(f"module must be a torch.nn.Module, got {type(module).__name__}")
    net = copy.deepcopy(module).double()
    named = [(n, p) for n, p in net.named_parameters() if p.requires_grad]
    if not named:
        raise ValueError("the module has no parameters that require gradients: nothing to check")
    net.zero_grad(set_to_none=True)
    _scalar(torch, loss(net), "loss(module)").backward()
    grads = {n: (p.grad.detach().cpu().numpy().copy() if p.grad is not None
                 else np.zeros(tuple(p.shape))) for n, p in named}
    params = {n: p.detach().cpu().numpy().copy() for n, p in named}

    def f(values):
        if any(np.iscomplexobj(v) for v in values.values()):
            raise TypeError(_REAL_ONLY)
        with torch.no_grad():
            for n, p in named:
                p.copy_(torch.from_numpy(np.asarray(values[n], dtype=np.float64)))
            value = _scalar(torch, loss(net), "loss(module)").item()
        return value

    try:
        return _check_single_threaded(torch, f, params, grads, **options)
    finally:
        with torch.no_grad():
            for n, p in named:
                p.copy_(torch.from_numpy(params[n]))


def check_torch_function(fn, *inputs, **options):
    """Check the gradient of the scalar ``fn(*inputs)`` with respect to its tensor inputs.

    Each input is copied to a float64 tensor; the gradients come from
    autograd, the finite differences from calls of ``fn``.  Entries are named
    ``input0[...]``, ``input1[...]``, ... (``names=`` overrides).
    """
    torch = _torch()
    if not inputs:
        raise ValueError("no inputs: pass the tensors to differentiate after fn")
    arrays = []
    for k, x in enumerate(inputs):
        if not isinstance(x, torch.Tensor):
            raise TypeError(f"input {k} must be a torch.Tensor, got {type(x).__name__}")
        arrays.append(x.detach().cpu().to(torch.float64).numpy().copy())
    leaves = [torch.from_numpy(a.copy()).requires_grad_(True) for a in arrays]
    out = _scalar(torch, fn(*leaves), "fn")
    grads = torch.autograd.grad(out, leaves, allow_unused=True)
    grads = [np.zeros(a.shape) if g is None else g.detach().numpy().copy()
             for a, g in zip(arrays, grads)]

    def f(values):
        if any(np.iscomplexobj(v) for v in values):
            raise TypeError(_REAL_ONLY)
        with torch.no_grad():
            return _scalar(torch, fn(*[torch.from_numpy(np.asarray(v, dtype=np.float64))
                                       for v in values]), "fn").item()

    options.setdefault("names", [f"input{k}" for k in range(len(arrays))])
    return _check_single_threaded(torch, f, arrays, grads, **options)
