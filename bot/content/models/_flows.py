"""Questionnaires that end in a risk level (content/flows/*.yml)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from bot.content.models._base import LocalizedText, Source, Strict


class FlowOption(Strict):
    id: str
    label: LocalizedText
    score: int = 0
    explain: LocalizedText | None = None  # why this answer is a warning sign; shown if score > 0
    strong: bool = False  # a strong indicator: leads straight into the at-risk path


class FlowQuestion(Strict):
    id: str
    indicator: str  # an id from ../shared/facts/indicators.yaml
    text: LocalizedText
    options: list[FlowOption]


class FlowLevel(Strict):
    min_score: int
    level: Literal["low", "medium", "high"]
    text: LocalizedText


class Flow(Strict):
    """A button-driven questionnaire that ends in a risk level."""

    id: str
    risk: bool = False  # risk content: a missing translation is an error
    title: LocalizedText
    intro: LocalizedText
    questions: list[FlowQuestion]
    levels: list[FlowLevel]
    next_steps: LocalizedText
    # Menu actions offered as buttons under the result, next to `next_steps` that may name them.
    menu: list[str] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)  # shown: one or two official/NGO pages
    references: list[Source] = Field(default_factory=list)  # for editors only, never shown
