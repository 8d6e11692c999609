"""Amounts and amount tiers as the organisation's language writes them: 5万 and ≤5万, or 50,000 and ≤50,000."""

from __future__ import annotations

from decimal import Decimal

from orgspec.model.types import Locale

_CHINESE_UNITS = ((Decimal(100_000_000), "亿"), (Decimal(10_000), "万"))


def amount_text(amount: Decimal, locale: Locale) -> str:
    """An amount without its currency: 5万, 1.5亿 and 12,345 in Chinese; 50,000 in English."""
    if locale == "zh-CN":
        for size, unit in _CHINESE_UNITS:
            count = amount / size
            if count >= 1 and count == count.quantize(Decimal("0.01")):
                return f"{count.normalize():f}{unit}"
    return f"{amount:,.2f}".removesuffix(".00")


def tier_text(above: Decimal | None, up_to: Decimal | None, locale: Locale) -> str:
    """An amount tier: 5万–20万, ≤5万 or >200万 (above is not included, up_to is); empty without bounds."""
    if above is not None and up_to is not None:
        return f"{amount_text(above, locale)}–{amount_text(up_to, locale)}"
    if up_to is not None:
        return f"≤{amount_text(up_to, locale)}"
    if above is not None:
        return f">{amount_text(above, locale)}"
    return ""
