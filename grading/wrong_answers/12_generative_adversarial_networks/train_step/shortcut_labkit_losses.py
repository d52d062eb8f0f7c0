# mistake: Calls the library's labkit GAN losses
# why: The step is right but uses labkit.train.gan's losses; the exercise asks for the step with your own discriminator_loss and generator_loss from exercises 1 and 2.
# hint: Call the two loss functions you wrote above in this notebook instead of importing any.
def train_step(generator, discriminator, opt_g, opt_d, real, z):
    """One discriminator update, then one generator update -> (d_loss, g_loss) as floats."""
    from labkit.train.gan import discriminator_loss as d_loss_of, generator_loss as g_loss_of

    fake = generator(z)
    d_loss = d_loss_of(discriminator(real), discriminator(fake.detach()))
    opt_d.zero_grad()
    d_loss.backward()
    opt_d.step()
    g_loss = g_loss_of(discriminator(fake))
    opt_g.zero_grad()
    g_loss.backward()
    opt_g.step()
    return d_loss.item(), g_loss.item()
