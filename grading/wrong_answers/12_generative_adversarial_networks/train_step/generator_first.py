# mistake: Generator updated before discriminator
# why: The generator is updated first and the discriminator then trains on fakes from the already-changed generator, so neither update matches one alternating step.
# hint: Reread the order of the two updates in section 3: which player moves first, and which discriminator does the generator's loss use?
def train_step(generator, discriminator, opt_g, opt_d, real, z):
    """One discriminator update, then one generator update -> (d_loss, g_loss) as floats."""
    fake = generator(z)
    g_loss = generator_loss(discriminator(fake))
    opt_g.zero_grad()
    g_loss.backward()
    opt_g.step()
    d_loss = discriminator_loss(discriminator(real), discriminator(generator(z).detach()))
    opt_d.zero_grad()
    d_loss.backward()
    opt_d.step()
    return d_loss.item(), g_loss.item()
