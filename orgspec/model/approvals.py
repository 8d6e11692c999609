"""The authority matrix (分权手册): approval rules in `approvals.yaml`, their vocabulary in `orgspec.yaml`.

A rule names a business item, optionally an amount tier, and the parties
that sign it in order, each with an action (提议, 审核, 会签, 核准, 审批, 备案,
知会). The actions are a vocabulary the organisation may replace; a file
writes an action by its id, its Chinese name or its English name. A party is
a post (by id) or a body that is not a post (董事会, 股东会, 有关部门),
declared once in `orgspec.yaml`.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from orgspec.model.common import Strict
from orgspec.model.types import SAY_WORDS, Entries, Id, Locale, Money, Text, choices_text, word_aliases

APPROVALS_CONTEXT = "approvals"
"""The validation context key under which `approvals.yaml` is given the organisation's `ApprovalSettings`."""


class Action(Strict):
    """One thing a party does with a business item: 提议, 审核, 会签, 核准, 审批, 备案, 知会 …."""

    id: Id = Field(description="The action's id, which files may write, e.g. decide.", examples=["decide"])
    name: Text = Field(description="Its Chinese name, e.g. 审批; files may write it instead of the id.")
    name_en: Text | None = Field(default=None, description="Its English name, e.g. approve; files may write it too.")
    final: bool = Field(
        default=False,
        description="Whether it settles the matter (审批, 核准): every item has exactly one final approver per tier.",
    )
    words: Entries[Text] = Field(
        default_factory=list, description="Other words files may write for it, e.g. 申请 for 提议."
    )

    def spellings(self) -> tuple[str, ...]:
        """Every way a file may write it, the Chinese name first (the id stands for itself)."""
        return tuple(dict.fromkeys([self.name, *([self.name_en] if self.name_en else []), *self.words]))

    def label(self, locale: Locale) -> str:
        """Its name in the organisation's language."""
        return self.name if locale == "zh-CN" else self.name_en or self.id


def _said(key: str, name_en: str, *, final: bool = False) -> Action:
    """A default action that is also a kind of say of authorities, with the same words."""
    name, *words = SAY_WORDS[key]
    return Action(id=key, name=name, name_en=name_en, final=final, words=words)


DEFAULT_ACTIONS: tuple[Action, ...] = (
    _said("propose", "propose"),
    _said("review", "review"),
    Action(id="countersign", name="会签", name_en="countersign"),
    Action(id="ratify", name="核准", name_en="ratify", final=True),
    _said("decide", "approve", final=True),
    Action(id="file", name="备案", name_en="file"),
    _said("informed", "be informed"),
)
"""The actions of a Chinese authority matrix, in the order they are usually signed; 核准 and 审批 are final."""


class Body(Strict):
    """A party that signs without being a post: 董事会, 股东会, 有关部门."""

    name: Text = Field(description="Its name, as rules write it and as the matrix shows it, e.g. 董事会.")
    name_en: Text | None = Field(default=None, description="Its English name; rules may write it too.")


def _named(value: Any) -> Any:
    return {"name": value} if isinstance(value, str) else value


BodyEntry = Annotated[Body, BeforeValidator(_named, json_schema_input_type=str | Body)]


class ApprovalSettings(Strict):
    """The vocabulary of `approvals.yaml`: the actions and the bodies that sign besides posts."""

    actions: Entries[Action] = Field(
        default_factory=lambda: list(DEFAULT_ACTIONS),
        min_length=1,
        description="The actions parties take, replacing the default 提议 propose, 审核 review, 会签 countersign, "
        "核准 ratify (final), 审批 decide (final), 备案 file, 知会 informed.",
    )
    bodies: Entries[BodyEntry] = Field(
        default_factory=list,
        description="Parties that are not posts, declared once: e.g. [董事会, 股东会, 有关部门].",
    )

    @model_validator(mode="after")
    def _consistent(self) -> ApprovalSettings:
        _unique(
            "action_word", [(word, action.id) for action in self.actions for word in (action.id, *action.spellings())]
        )
        _unique("body_name", [(name, body.name) for body in self.bodies for name in _body_names(body)])
        if not any(action.final for action in self.actions):
            raise PydanticCustomError("no_final_action", "no action is final")
        return self

    def spellings(self) -> dict[str, tuple[str, ...]]:
        """Action id → the words files may write for it."""
        return {action.id: action.spellings() for action in self.actions}

    def action(self, key: str) -> Action | None:
        """The action of this id, or None."""
        return next((action for action in self.actions if action.id == key), None)

    def body(self, written: str) -> Body | None:
        """The body a rule names by its name or English name, or None."""
        return next((body for body in self.bodies if written in _body_names(body)), None)


def _body_names(body: Body) -> tuple[str, ...]:
    return (body.name, *([body.name_en] if body.name_en else []))


def _unique(kind: str, pairs: list[tuple[str, str]]) -> None:
    """Refuse a word that names two different things."""
    first: dict[str, str] = {}
    for word, owner in pairs:
        if first.setdefault(word, owner) != owner:
            raise PydanticCustomError(
                kind, "{word} names both {first} and {second}", {"word": word, "first": first[word], "second": owner}
            )


DEFAULT_APPROVALS = ApprovalSettings()


class ApprovalStep(Strict):
    """One step of a rule's signing order: a party and what it does."""

    party: Text = Field(description="Who signs: a post id, or a body declared under approvals.bodies in orgspec.yaml.")
    action: Text = Field(
        description="What it does: an action of the organisation's vocabulary, by id, Chinese or English name "
        "(提议, 审核, 会签, 核准, 审批, 备案, 知会 by default)."
    )

    @field_validator("action")
    @classmethod
    def _known_action(cls, value: str, info: ValidationInfo) -> str:
        settings = (info.context or {}).get(APPROVALS_CONTEXT) or DEFAULT_APPROVALS
        assert isinstance(settings, ApprovalSettings)
        key = word_aliases(settings.spellings()).get(value)
        if key is None:
            raise PydanticCustomError(
                "unknown_action", "not an action: {expected}", {"expected": choices_text(settings.spellings())}
            )
        return key


def _step(value: Any) -> Any:
    """``- finance-manager: 审核`` is short for ``- {party: finance-manager, action: 审核}``."""
    if isinstance(value, dict) and len(value) == 1 and not value.keys() & {"party", "action"}:
        ((party, action),) = value.items()
        return {"party": party, "action": action}
    return value


StepEntry = Annotated[
    ApprovalStep,
    BeforeValidator(
        _step,
        json_schema_input_type=ApprovalStep | Annotated[dict[str, str], Field(min_length=1, max_length=1)],
    ),
]
"""A step written as a mapping of party and action, or as ``party: action``."""


class ApprovalRule(Strict):
    """A row of the authority matrix: a business item, an amount tier, and who signs it in what order."""

    item: Text = Field(description="The business item (事项), e.g. 资金支付; the rules of one item name it alike.")
    above: Money | None = Field(
        default=None,
        description="The tier's lower bound, not included: the rule is for amounts over it (e.g. 5万). "
        "None: from nothing.",
    )
    up_to: Money | None = Field(
        default=None,
        description="The tier's upper bound, included (e.g. 20万). None: without an upper bound.",
    )
    parties: Entries[StepEntry] = Field(
        min_length=1,
        description="Who signs, in signing order (①②③…): each a party and its action, e.g. - finance-manager: 审核.",
    )
    note: Text | None = Field(default=None, description="A remark shown with the rule (备注), e.g. 年度预算内.")
    internal: bool = Field(default=False, description="Internal only: left out of the public edition.")

    @field_validator("up_to")
    @classmethod
    def _above_below_up_to(cls, up_to: Decimal | None, info: ValidationInfo) -> Decimal | None:
        above = info.data.get("above")
        if above is not None and up_to is not None and above >= up_to:
            raise PydanticCustomError("tier_order", "above must be less than up_to")
        return up_to

    @property
    def tiered(self) -> bool:
        """Whether the rule is for some amounts only."""
        return self.above is not None or self.up_to is not None

    def steps(self) -> Iterator[tuple[int, ApprovalStep]]:
        """The steps with their numbers in the signing order, from 1."""
        return enumerate(self.parties, start=1)


class ApprovalRules(Strict):
    """The authority matrix (分权手册, `approvals.yaml`): the approval rules of the organisation."""

    rules: Entries[ApprovalRule] = Field(
        default_factory=list,
        description="The rules, item by item, each item's tiers together; the matrix keeps the items in this order.",
    )
