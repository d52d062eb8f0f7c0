# mistake: Generator maximises the discriminator loss
# why: The generator minimises minus the discriminator's loss, which is the saturating minimax objective, not your non-saturating generator_loss, so its gradient differs.
# hint: Which of your two loss functions belongs to the generator? Check what the generator's update is computed from.
def train_step(generator, discriminator, opt_g, opt_d, real, z):
    """One discriminator update, then one generator update -> (d_loss, g_loss) as floats."""
    fake = generator(z)
    d_loss = discriminator_loss(discriminator(real), discriminator(fake.detach()))
    opt_d.zero_grad()
    d_loss.backward()
    opt_d.step()
    g_loss = -discriminator_loss(discriminator(real), discriminator(fake))
    opt_g.zero_grad()
    g_loss.backward()
    opt_g.step()
    return d_loss.item(), g_loss.item()
