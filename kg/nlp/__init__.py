"""Korean NLP: the Kiwi tokenizer, entity components and the shipped pipeline."""

from kg.nlp.pipeline import load_pipeline, shipped_model_path
from kg.nlp.tokenizer import KiwiTokenizer

__all__ = ["KiwiTokenizer", "load_pipeline", "shipped_model_path"]
