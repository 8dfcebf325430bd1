"""A Rasa component that gives Rasa the bot's text preparation: both models see the same text.

`TextNormalizer` (before the tokenizer) applies `bot.nlu.embedded.prepare`: the keyboard
layout restored, cleaned text, transliterated Russian turned back into Cyrillic, spelling
variants folded (ё/е, і/и, ў/у), the reassurance token. The code is imported from the bot
package (stdlib + scikit-learn only, Python 3.10 safe); scripts/rasa-env.sh puts the
repository root on PYTHONPATH. The features are in `tfidf.py`.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.embedded import prepare


class MessageSteps:
    """`process_training_data` and `process` for a component that handles one message at a
    time in `apply` (training examples and parsed messages alike)."""

    def apply(self, message: Message) -> None:
        raise NotImplementedError

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        for message in training_data.training_examples:
            self.apply(message)
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self.apply(message)
        return messages


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False
)
class TextNormalizer(MessageSteps, GraphComponent):
    """The bot's `prepare()` on the message text, before tokenization."""

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> GraphComponent:
        return cls()

    def apply(self, message: Message) -> None:
        text = message.get(TEXT)
        if text:
            message.set(TEXT, prepare(text) or text)

