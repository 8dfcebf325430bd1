"""The embedded model's features inside Rasa: character and stem n-grams, sublinear TF-IDF.

`BotTfidfFeaturizer` (after `bot_text.TextNormalizer`, which has prepared the text) gives each
message one sentence-level sparse vector made of two blocks, as `bot.nlu.embedded` builds them:

- character n-grams (2-4 by default) across word boundaries ("ты бот" is one feature), and
- word stems (the first `bot.nlu.embedded.STEM` letters) and pairs of neighbouring stems,

each block TF-IDF weighted with a sublinear term frequency (1 + log tf), L2-normalised and
scaled by its weight (stems: `bot.nlu.embedded.STEM_WEIGHT`). Rasa's CountVectorsFeaturizer
gives raw, unweighted counts, so a long story has a vector many times longer than a two-word
report; with them Rasa was 0.3 to 5.5 points of accuracy behind the embedded model on the
held-out files, most on short messages, look-alikes and mixed languages (README.md, "Rasa").
scikit-learn fits the vocabulary and the IDF; the message vectors are then computed from
those two tables (the stored model is JSON, no pickles).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from itertools import pairwise
from typing import Any, Dict, List, Optional, Text, Tuple, Type

import numpy as np
import scipy.sparse
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.featurizers.sparse_featurizer.sparse_featurizer import SparseFeaturizer
from rasa.nlu.tokenizers.tokenizer import Tokenizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from rasa.shared.utils.io import dump_obj_as_json_to_file, read_json_file
from sklearn.feature_extraction.text import TfidfVectorizer

from bot.nlu.embedded import STEM, STEM_WEIGHT
from nlu.components.bot_text import MessageSteps

_FILE = "tfidf.json"
Analyzer = Callable[[str], List[str]]


def stem_ngrams(text: str) -> List[str]:
    """Each word's first STEM letters, and each pair of neighbouring stems."""
    stems = [word[:STEM] for word in text.split()]
    return stems + [f"{a} {b}" for a, b in pairwise(stems)]


def _char_ngrams(low: int, high: int) -> Analyzer:
    def analyze(text: str) -> List[str]:
        return [text[i : i + n] for n in range(low, high + 1) for i in range(len(text) - n + 1)]

    return analyze


class _Block:
    """One block of the vector: an analyzer, its vocabulary and IDF, and the block's weight."""

    def __init__(
        self, analyzer: Analyzer, weight: float, vocabulary: Dict[str, int], idf: List[float]
    ) -> None:
        self.analyzer = analyzer
        self.weight = weight
        self.vocabulary = vocabulary
        self.idf = idf

    def vector(self, text: str) -> Tuple[List[int], List[float]]:
        """(columns, values) of `text` in this block: sublinear TF-IDF, L2 norm = weight."""
        counts = Counter(g for g in self.analyzer(text) if g in self.vocabulary)
        columns = [self.vocabulary[g] for g in counts]
        values = [
            (1.0 + math.log(n)) * self.idf[c] for c, n in zip(columns, counts.values(), strict=True)
        ]
        norm = math.sqrt(sum(v * v for v in values))
        if not norm:
            return [], []
        return columns, [v * self.weight / norm for v in values]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=True)
class BotTfidfFeaturizer(MessageSteps, SparseFeaturizer, GraphComponent):
    """Sentence features: char n-grams and stem n-grams, sublinear TF-IDF, L2 per block.

    Config: `char_min_ngram`, `char_max_ngram` (2, 4), `stem_weight` (STEM_WEIGHT).
    """

    @classmethod
    def required_components(cls) -> List[Type]:
        return [Tokenizer]

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            **SparseFeaturizer.get_default_config(),
            "char_min_ngram": 2,
            "char_max_ngram": 4,
            "stem_weight": STEM_WEIGHT,
        }

    @classmethod
    def validate_config(cls, config: Dict[Text, Any]) -> None:
        if not 1 <= config["char_min_ngram"] <= config["char_max_ngram"]:
            raise ValueError("char_min_ngram must be at least 1 and at most char_max_ngram")

    def __init__(
        self,
        config: Dict[Text, Any],
        name: Text,
        model_storage: ModelStorage,
        resource: Resource,
        tables: Optional[List[Tuple[Dict[str, int], List[float]]]] = None,
    ) -> None:
        super().__init__(name, {**self.get_default_config(), **config})
        self._model_storage = model_storage
        self._resource = resource
        self._analyzers: List[Tuple[Analyzer, float]] = [
            (_char_ngrams(self._config["char_min_ngram"], self._config["char_max_ngram"]), 1.0),
            (stem_ngrams, float(self._config["stem_weight"])),
        ]
        self._blocks = self._fitted(tables) if tables else []

    def _fitted(self, tables: List[Tuple[Dict[str, int], List[float]]]) -> List[_Block]:
        pairs = zip(self._analyzers, tables, strict=True)
        return [_Block(a, weight, vocabulary, idf) for (a, weight), (vocabulary, idf) in pairs]

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> BotTfidfFeaturizer:
        return cls(config, execution_context.node_name, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        """Fit each block's vocabulary and IDF on the training texts; store them."""
        texts = [m.get(TEXT) for m in training_data.training_examples if m.get(TEXT)]
        tables = []
        for analyzer, _ in self._analyzers:
            fitted = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True).fit(texts)
            vocabulary = {str(g): int(c) for g, c in fitted.vocabulary_.items()}
            tables.append((vocabulary, [float(x) for x in fitted.idf_]))
        self._blocks = self._fitted(tables)
        with self._model_storage.write_to(self._resource) as model_dir:
            dump_obj_as_json_to_file(model_dir / _FILE, tables)
        return self._resource

    def apply(self, message: Message) -> None:
        """The message's sentence vector (nothing before training)."""
        text = message.get(TEXT)
        if not text or not self._blocks:
            return
        columns: List[int] = []
        values: List[float] = []
        offset = 0
        for block in self._blocks:
            cols, vals = block.vector(text)
            columns += [c + offset for c in cols]
            values += vals
            offset += len(block.vocabulary)
        rows = np.zeros(len(columns), dtype=np.int64)
        sentence = scipy.sparse.coo_matrix((values, (rows, columns)), shape=(1, offset))
        self.add_features_to_message(None, sentence, TEXT, message)

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> BotTfidfFeaturizer:
        """The trained featurizer; untrained (no features) when nothing was stored."""
        try:
            with model_storage.read_from(resource) as model_dir:
                stored = read_json_file(model_dir / _FILE)
        except ValueError:
            return cls(config, execution_context.node_name, model_storage, resource)
        tables = [(dict(vocabulary), list(idf)) for vocabulary, idf in stored]
        return cls(config, execution_context.node_name, model_storage, resource, tables)
