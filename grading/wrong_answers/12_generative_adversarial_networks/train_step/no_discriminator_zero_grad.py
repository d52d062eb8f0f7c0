# mistake: Discriminator gradients never zeroed
# why: The discriminator's optimizer is never zeroed, so from the second step on its update includes leftover gradients from the previous step, the generator's backward pass included.
# hint: The first step is right and the second is not: which gradients are still stored in the discriminator when the next step begins?
def train_step(generator, discriminator, opt_g, opt_d, real, z):
    """One discriminator update, then one generator update -> (d_loss, g_loss) as floats."""
    fake = generator(z)
    d_loss = discriminator_loss(discriminator(real), discriminator(fake.detach()))
    d_loss.backward()
    opt_d.step()
    g_loss = generator_loss(discriminator(fake))
    opt_g.zero_grad()
    g_loss.backward()
    opt_g.step()
    return d_loss.item(), g_loss.item()
