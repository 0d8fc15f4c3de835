"""Training the 64-30-10 network on the UCI digits: time to 95 % held-out accuracy.

Also times the two data functions behind the handouts' figures.  Needs the
demo extra (scikit-learn); falls back to the synthetic digits without it.
Run: ``python benchmarks/bench_numeric_train.py``.
"""

import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))  # run from a checkout

from numeric.digits import DemoDependencyError, load_digits, synthetic_digits  # noqa: E402
from numeric.experiments import (output_distributions, slowdown_experiment,  # noqa: E402
                                 train_digits)


def main():
    try:
        data = load_digits()
    except DemoDependencyError as exc:
        print(f"{exc}\nusing the synthetic digits instead")
        data = synthetic_digits()
    print(f"data: {data.name}, {len(data.X_train)} training / {len(data.X_test)} held-out images")
    reached = {}
    start = time.perf_counter()

    def on_epoch(epoch, net):
        acc = net.accuracy(data.X_test, data.labels_test)
        if acc >= 0.95 and "epoch" not in reached:
            reached.update(epoch=epoch, seconds=time.perf_counter() - start, accuracy=acc)

    net, _ = train_digits(data, epochs=30, on_epoch=on_epoch)
    total = time.perf_counter() - start
    final = net.accuracy(data.X_test, data.labels_test)
    if reached:
        print(f"64-30-10 softmax + cross-entropy, batch 10, eta 0.5: >= 95% held-out accuracy "
              f"after epoch {reached['epoch']} in {reached['seconds']:.2f} s "
              f"(accuracy {100 * reached['accuracy']:.1f}%; goal <= 10 s on 2 cores)")
    else:
        print("95% held-out accuracy was not reached in 30 epochs")
    print(f"30 epochs: {total:.2f} s (including per-epoch evaluation), final accuracy "
          f"{100 * final:.1f}%")

    start = time.perf_counter()
    items = output_distributions(net, data, count=6)
    print(f"output_distributions: {time.perf_counter() - start:.3f} s for {len(items)} digits "
          f"(labels {[i['label'] for i in items]}, predicted {[i['predicted'] for i in items]})")
    start = time.perf_counter()
    r = slowdown_experiment(data, epochs=30)
    q, c = r["setups"]["quadratic"], r["setups"]["cross_entropy"]
    print(f"slowdown_experiment (30 epochs, both setups): {time.perf_counter() - start:.2f} s")
    for epoch in (0, 1, 5, 10, 20, 30):
        print(f"  epoch {epoch:2d}: quadratic cost {q['cost'][epoch]:.3f} acc "
              f"{100 * q['accuracy'][epoch]:5.1f}% |dC/db| {q['bias_grad'][epoch]:.1e} "
              f"mean sigma' {q['sigma_prime'][epoch]:.1e}   cross-entropy cost "
              f"{c['cost'][epoch]:.3f} acc {100 * c['accuracy'][epoch]:5.1f}% "
              f"|dC/db| {c['bias_grad'][epoch]:.1e}")


if __name__ == "__main__":
    main()
