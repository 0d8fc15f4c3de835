"""Backprop written the way other people write it, to check with numeric.check_gradients.

None of this uses the project's network: ``network2`` follows Nielsen's
``network2.py`` (column vectors, ``w[l]`` of shape (n_out, n_in), backprop
returning ``(nabla_b, nabla_w)``), ``Value``/``MLP`` follow micrograd (scalar
autograd with Python floats and a ReLU decided by ``data < 0``), and
``softmax_loss_vectorized`` follows CS231n's assignment (returns
``(loss, dW)``).  Each takes a ``bug`` argument that plants one mistake.
"""

import math

import numpy as np


# -- Nielsen, network2.py ----------------------------------------------------------
def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def sigmoid_prime(z):
    return sigmoid(z) * (1 - sigmoid(z))


class CrossEntropyCost:
    @staticmethod
    def fn(a, y):
        return np.sum(np.nan_to_num(-y * np.log(a) - (1 - y) * np.log(1 - a)))

    @staticmethod
    def delta(z, a, y):
        return a - y


def network2_init(sizes, seed):
    rng = np.random.default_rng(seed)
    biases = [rng.standard_normal((y, 1)) for y in sizes[1:]]
    weights = [rng.standard_normal((y, x)) / np.sqrt(x) for x, y in zip(sizes[:-1], sizes[1:])]
    return biases, weights


def network2_data(sizes, n, seed):
    rng = np.random.default_rng(seed)
    return [(rng.random((sizes[0], 1)), np.eye(sizes[-1])[[rng.integers(sizes[-1])]].T)
            for _ in range(n)]


def network2_cost(params, data):
    biases, weights = params
    total = 0.0
    for x, y in data:
        a = x
        for b, w in zip(biases, weights):
            a = sigmoid(np.dot(w, a) + b)
        total = total + CrossEntropyCost.fn(a, y)
    return total / len(data)


def network2_backprop(biases, weights, x, y, bug=None):
    nabla_b = [np.zeros(b.shape) for b in biases]
    nabla_w = [np.zeros(w.shape) for w in weights]
    activation, activations, zs = x, [x], []
    for b, w in zip(biases, weights):
        z = np.dot(w, activation) + b
        zs.append(z)
        activation = sigmoid(z)
        activations.append(activation)
    delta = CrossEntropyCost.delta(zs[-1], activations[-1], y)
    if bug == "sign":
        delta = -delta
    nabla_b[-1] = delta
    nabla_w[-1] = np.dot(delta, activations[-2].transpose())
    for l in range(2, len(biases) + 1):
        sp = sigmoid_prime(zs[-l])
        if bug == "missing-prime":
            sp = 1.0
        delta = np.dot(weights[-l + 1].transpose(), delta) * sp
        nabla_b[-l] = delta
        nabla_w[-l] = np.dot(delta, activations[-l - 1].transpose())
    return nabla_b, nabla_w


def network2_gradients(params, data, bug=None):
    biases, weights = params
    nb = [np.zeros(b.shape) for b in biases]
    nw = [np.zeros(w.shape) for w in weights]
    for x, y in data:
        db, dw = network2_backprop(biases, weights, x, y, bug)
        nb = [a + b for a, b in zip(nb, db)]
        nw = [a + b for a, b in zip(nw, dw)]
    return [b / len(data) for b in nb], [w / len(data) for w in nw]


# -- micrograd -----------------------------------------------------------------
class Value:
    def __init__(self, data, _children=()):
        self.data = float(data)
        self.grad = 0.0
        self._backward = lambda: None
        self._prev = set(_children)

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data + other.data, (self, other))

        def _backward():
            self.grad += out.grad
            other.grad += out.grad
        out._backward = _backward
        return out

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data * other.data, (self, other))

        def _backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad
        out._backward = _backward
        return out

    def __pow__(self, k):
        out = Value(self.data ** k, (self,))

        def _backward():
            self.grad += (k * self.data ** (k - 1)) * out.grad
        out._backward = _backward
        return out

    def relu(self, bug=None):
        out = Value(0 if self.data < 0 else self.data, (self,))

        def _backward():
            slope = 1.0 if bug == "relu-slope" else (out.data > 0)
            self.grad += slope * out.grad
        out._backward = _backward
        return out

    def tanh(self):
        t = math.tanh(self.data)
        out = Value(t, (self,))

        def _backward():
            self.grad += (1 - t * t) * out.grad
        out._backward = _backward
        return out

    def __neg__(self):
        return self * -1

    def __sub__(self, other):
        return self + (-other)

    __radd__ = __add__
    __rmul__ = __mul__

    def backward(self):
        topo, seen = [], set()

        def build(v):
            if v not in seen:
                seen.add(v)
                for child in v._prev:
                    build(child)
                topo.append(v)
        build(self)
        self.grad = 1.0
        for v in reversed(topo):
            v._backward()


def mlp_loss(params, xs, ys, activation="tanh", bug=None):
    """Mean squared error of an MLP whose layer l has weights params[2l] (n_out, n_in), bias params[2l+1]."""
    values = [np.vectorize(Value, otypes=[object])(p) for p in params]
    total = Value(0.0)
    for x, y in zip(xs, ys):
        a = [Value(t) for t in x]
        for l in range(0, len(values), 2):
            W, b = values[l], values[l + 1]
            z = [sum((W[i, j] * a[j] for j in range(len(a))), b[i]) for i in range(len(b))]
            last = l == len(values) - 2
            a = z if last else [(v.relu(bug) if activation == "relu" else v.tanh()) for v in z]
        total = total + (a[0] - y) ** 2
    loss = total * (1.0 / len(xs))
    return loss, values


def mlp_value_and_grad(params, xs, ys, activation="tanh", bug=None):
    loss, values = mlp_loss(params, xs, ys, activation, bug)
    loss.backward()
    grads = [np.vectorize(lambda v: v.grad, otypes=[float])(V) for V in values]
    return loss.data, grads


# -- CS231n, softmax_loss_vectorized ----------------------------------------------
def softmax_loss_vectorized(W, X, y, reg, bug=None):
    num_train = X.shape[0]
    scores = X.dot(W)
    scores = scores - np.max(scores, axis=1, keepdims=True)
    exp_scores = np.exp(scores)
    probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)
    loss = -np.sum(np.log(probs[np.arange(num_train), y])) / num_train + reg * np.sum(W * W)
    dscores = probs.copy()
    dscores[np.arange(num_train), y] -= 1
    dW = X.T.dot(dscores) / num_train + (reg if bug == "reg-factor" else 2 * reg) * W
    return loss, dW


# -- CS231n, TwoLayerNet.loss (a dict of parameters, a dict of gradients) ------------
def two_layer_loss(params, X, y, reg=0.05, bug=None):
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    N = X.shape[0]
    h = np.maximum(0, X.dot(W1) + b1)
    scores = h.dot(W2) + b2
    scores = scores - np.max(scores, axis=1, keepdims=True)
    probs = np.exp(scores) / np.sum(np.exp(scores), axis=1, keepdims=True)
    loss = -np.sum(np.log(probs[np.arange(N), y])) / N + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
    grads = {}  # filled in backward order, as the assignment does
    dscores = probs.copy()
    dscores[np.arange(N), y] -= 1
    dscores /= N
    grads["W2"] = h.T.dot(dscores) + 2 * reg * W2
    grads["b2"] = np.sum(dscores, axis=0)
    dh = dscores.dot(W2.T)
    dh[h <= 0] = 0
    grads["W1"] = X.T.dot(dh) + (0 if bug == "no-reg-W1" else 2 * reg * W1)
    grads["b1"] = np.sum(dh, axis=0)
    return loss, grads
