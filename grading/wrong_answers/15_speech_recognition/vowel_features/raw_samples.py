# mistake: Raw samples as features
# why: The samples depend on timing and phase, so two recordings of the same vowel look unrelated to a linear classifier; the features should describe the frequencies.
# hint: Shift a wave by a few samples: do your features change a lot? Features should describe which frequencies are strong.
def vowel_features(waves):
    """The samples themselves as features."""
    return np.asarray(waves, dtype=float)
