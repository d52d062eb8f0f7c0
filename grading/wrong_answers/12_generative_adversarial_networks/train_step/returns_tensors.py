# mistake: Returns tensors, not floats
# why: The updates are right, but the two losses are returned as tensors, which keep their whole graphs alive; the exercise asks for Python floats.
# hint: Check the type of the two values you return.
def train_step(generator, discriminator, opt_g, opt_d, real, z):
    """One discriminator update, then one generator update -> (d_loss, g_loss) as floats."""
    fake = generator(z)
    d_loss = discriminator_loss(discriminator(real), discriminator(fake.detach()))
    opt_d.zero_grad()
    d_loss.backward()
    opt_d.step()
    g_loss = generator_loss(discriminator(fake))
    opt_g.zero_grad()
    g_loss.backward()
    opt_g.step()
    return d_loss, g_loss
