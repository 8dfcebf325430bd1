"""Rasa's LogisticRegressionClassifier with its regularisation strength configurable.

Rasa 3.6 fixes scikit-learn's default C=1.0. On L2-normalised TF-IDF vectors
(`tfidf.BotTfidfFeaturizer`) that is far too strong a penalty: every message's vector has
length ~1, the weights stay small and the probabilities flat (against C=30, in a replica of
the pipeline: accuracy 0.0 to 1.1 points lower on the held-out files and false alarms
0.055-0.064 instead of 0.012-0.025 on development sets 6 and 7; README.md, "Rasa").
Everything else (balanced class weights, lbfgs, how the model is stored and loaded) is
Rasa's own.
"""

from __future__ import annotations

from typing import Any, Dict, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class TunedLogisticRegressionClassifier(LogisticRegressionClassifier):
    """LogisticRegressionClassifier plus `C` (inverse regularisation strength, default 1.0)."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {**LogisticRegressionClassifier.get_default_config(), "C": 1.0}

    def __init__(
        self,
        config: Dict[Text, Any],
        name: Text,
        model_storage: ModelStorage,
        resource: Resource,
    ) -> None:
        super().__init__(config, name, model_storage, resource)
        self.clf.set_params(C=float(self.config["C"]))
