"""The text report of a gradient check: verdict, figures, and the worst entries by name."""

__all__ = ["format_report"]


def _entry_line(e):
    where = f" (layer {e.layer})" if e.layer is not None else ""
    kink = "  [ReLU kink between theta-h and theta+h]" if e.kink else ""
    return (f"  {e.label}{where}: analytic {e.analytic:+.15e}  numeric {e.numeric:+.15e}"
            f"  |diff| {e.abs_error:.1e}  fd error {e.fd_error:.1e}"
            f"  ({e.ratio:.2g} of tolerance){kink}")


def format_report(result, top=5):
    """Return the report of a :class:`GradCheckResult` as text, one fact per line."""
    r = result
    what = "random directions" if r.mode == "fast" else "entries"
    lines = [
        f"gradient check: method={r.method}, mode={r.mode}, {r.n_checked} {what} checked "
        f"in {r.seconds:.3f} s",
    ]
    if r.ok:
        lines.append("result: OK, every entry agrees with the finite differences within "
                     "their estimated error")
    else:
        lines.append(f"result: MISMATCH in {len(r.mismatches)} of {r.n_checked} {what}")
    lines += [
        f"max abs error {r.max_abs_error:.2e}, max rel error {r.max_rel_error:.2e}, "
        f"norm-wise rel error {r.norm_rel_error:.2e}",
        f"finite-difference error estimate: max {r.fd_error:.2e}, "
        f"norm-wise rel {r.fd_norm_rel_error:.2e}",
    ]
    if r.kinks:
        lines.append(f"{len(r.kinks)} {what} at a ReLU kink (the derivative jumps between "
                     "theta-h and theta+h; not counted as mismatches), e.g.:")
        lines += [_entry_line(e) for e in r.kinks[:top]]
    if r.mismatches:
        lines.append("mismatches (analytic vs numeric), worst first:")
        lines += [_entry_line(e) for e in r.mismatches[:top]]
    elif r.worst:
        lines.append("closest to tolerance (analytic vs numeric):")
        lines += [_entry_line(e) for e in r.worst[:top]]
    return "\n".join(lines)
