"""The text report of a gradient check: verdict, method and why, figures, what it could see, entries."""

__all__ = ["format_report"]

_MAX_ARRAYS = 8


def _entry_line(e):
    where = f" (layer {e.layer})" if e.layer is not None else ""
    kink = "  [kink: one-sided differences disagree]" if e.kink else ""
    return (f"  {e.label}{where}: analytic {e.analytic:+.15e}  numeric {e.numeric:+.15e}"
            f"  |diff| {e.abs_error:.1e}  fd error {e.fd_error:.1e}"
            f"  ({e.ratio:.2g} of tolerance){kink}")


def _resolution_lines(resolution):
    lines = []
    for name, best, median, absolute in resolution[:_MAX_ARRAYS]:
        if absolute:
            lines.append(f"  would catch an absolute error of {best:.0e} or more in {name} "
                         "(its gradient is 0 throughout)")
        else:
            lines.append(f"  would catch an error of {best:.0e} or more in {name} (relative, at "
                         f"its best-resolved entry; {median:.0e} at half of its entries)")
    if len(resolution) > _MAX_ARRAYS:
        lines.append(f"  ... and {len(resolution) - _MAX_ARRAYS} more arrays")
    return lines


def format_report(result, top=5):
    """Return the report of a :class:`GradCheckResult` as text, one fact per line."""
    r = result
    what = "random directions" if r.mode == "fast" else "entries"
    calls = f", {r.calls} calls of f" if r.calls is not None else ""
    lines = [
        f"gradient check: method={r.method}, mode={r.mode}, {r.n_checked} {what} checked "
        f"in {r.seconds:.3f} s{calls}",
    ]
    if r.reason:
        asked = f"{r.requested_method}: " if r.requested_method == "auto" else ""
        lines.append(f"method {r.method} ({asked}{r.reason})")
    if r.noise_note:
        lines.append(r.noise_note)
    if r.ok:
        one = "direction" if r.mode == "fast" else "entry"
        lines.append(f"result: OK, every {one} agrees with the finite differences within "
                     "their estimated error")
    else:
        lines.append(f"result: MISMATCH in {len(r.mismatches)} of {r.n_checked} {what}")
    lines += [
        f"max abs error {r.max_abs_error:.2e}, max rel error {r.max_rel_error:.2e}, "
        f"norm-wise rel error {r.norm_rel_error:.2e}",
        f"finite-difference error estimate: max {r.fd_error:.2e}, "
        f"norm-wise rel {r.fd_norm_rel_error:.2e}",
    ]
    if r.resolution:
        lines.append("what this check could see:")
        lines += _resolution_lines(r.resolution)
    if r.kinks:
        lines.append(f"{len(r.kinks)} {what} at a kink (the derivative jumps within the "
                     "stencil; not counted as mismatches), e.g.:")
        lines += [_entry_line(e) for e in r.kinks[:top]]
    if r.mismatches:
        lines.append("mismatches (analytic vs numeric), worst first:")
        lines += [_entry_line(e) for e in r.mismatches[:top]]
    elif r.worst:
        lines.append("closest to tolerance (analytic vs numeric):")
        lines += [_entry_line(e) for e in r.worst[:top]]
    return "\n".join(lines)
