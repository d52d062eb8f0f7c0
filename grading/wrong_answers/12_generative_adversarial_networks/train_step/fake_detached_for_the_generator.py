# mistake: Fakes detached for the generator too
# why: fake is detached once and reused, so the generator's loss has no path back into the generator: its gradients are empty and its weights never change.
# hint: Check whether the generator's weights move after one step; detach only where the discriminator's loss sees the fakes.
def train_step(generator, discriminator, opt_g, opt_d, real, z):
    """One discriminator update, then one generator update -> (d_loss, g_loss) as floats."""
    fake = generator(z).detach()
    d_loss = discriminator_loss(discriminator(real), discriminator(fake))
    opt_d.zero_grad()
    d_loss.backward()
    opt_d.step()
    g_loss = generator_loss(discriminator(fake))
    opt_g.zero_grad()
    g_loss.backward()
    opt_g.step()
    return d_loss.item(), g_loss.item()
