"""Small, readable PyTorch models for the later lessons, one module per family.

- ``mlp``: :class:`MLP`
- ``cnn``: :class:`SmallCNN` (8x8 images), :class:`CNN1d` (1-D signals such as MNIST-1D)
- ``rnn``: :class:`RNNClassifier` (rnn / gru / lstm)
- ``char_generator``: :class:`CharGenerator` (character-level names model)
- ``gan``: :class:`Generator2d`, :class:`Discriminator2d`, :class:`DigitsGenerator`, :class:`DigitsDiscriminator`
- ``recommender``: :class:`MatrixFactorization`, :class:`NeuralRecommender`
- ``text_classifier``: :class:`BagOfEmbeddings`
"""

from labkit.models.char_generator import CharGenerator, sequence_cross_entropy
from labkit.models.cnn import CNN1d, SmallCNN
from labkit.models.gan import DigitsDiscriminator, DigitsGenerator, Discriminator2d, Generator2d
from labkit.models.mlp import MLP
from labkit.models.recommender import MatrixFactorization, NeuralRecommender
from labkit.models.rnn import RNNClassifier
from labkit.models.text_classifier import BagOfEmbeddings

__all__ = [
    "MLP", "SmallCNN", "CNN1d", "RNNClassifier", "CharGenerator", "sequence_cross_entropy",
    "Generator2d", "Discriminator2d", "DigitsGenerator", "DigitsDiscriminator",
    "MatrixFactorization", "NeuralRecommender", "BagOfEmbeddings",
]
