def train_step(generator, discriminator, opt_g, opt_d, real, z):
    """One discriminator update, then one generator update -> (d_loss, g_loss) as floats."""
    from labkit.train.gan import gan_step
    return gan_step(generator, discriminator, opt_g, opt_d, real, z)
