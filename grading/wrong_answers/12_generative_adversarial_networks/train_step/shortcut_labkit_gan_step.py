# mistake: Calls the library's labkit gan_step
# why: The exercise asks for your own alternating update with your own losses; labkit.train.gan.gan_step does the whole step for you, so the check refuses it.
# hint: Write the two updates yourself with your discriminator_loss and generator_loss and the two optimizers.
def train_step(generator, discriminator, opt_g, opt_d, real, z):
    """One discriminator update, then one generator update -> (d_loss, g_loss) as floats."""
    from labkit.train.gan import gan_step
    return gan_step(generator, discriminator, opt_g, opt_d, real, z)
