import pkg_cycle.alpha as alpha
import pkg_cycle.beta as beta

print(alpha.use_beta())
print(beta.peek_alpha())
print(alpha.beta is beta, beta.alpha is alpha)
