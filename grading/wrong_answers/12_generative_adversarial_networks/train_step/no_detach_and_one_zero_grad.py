# mistake: No detach, gradients leak into the generator
# why: Without detach the discriminator's loss also sends gradients into the generator, and with a single zero_grad at the start they add to the generator's own gradients before its step.
# hint: Inspect the generator's gradients just before its step: they should come from the generator's loss alone. Where does the discriminator's loss reach the generator?
def train_step(generator, discriminator, opt_g, opt_d, real, z):
    """One discriminator update, then one generator update -> (d_loss, g_loss) as floats."""
    opt_d.zero_grad()
    opt_g.zero_grad()
    d_loss = discriminator_loss(discriminator(real), discriminator(generator(z)))
    d_loss.backward()
    opt_d.step()
    g_loss = generator_loss(discriminator(generator(z)))
    g_loss.backward()
    opt_g.step()
    return d_loss.item(), g_loss.item()
