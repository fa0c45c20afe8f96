"""Leader elections per rolling upgrade, the model of docs/performance.md ("Leader elections per
rolling upgrade"): n voters rolled one at a time in a fixed order (RollingUpdate: highest ordinal
first); the leader is stepped down when the roll reaches it; every step-down elects one of the
other n-1 voters uniformly. Run: python3 docs/performance-results/elections-model.py
"""
from fractions import Fraction as F


def g(m, n):
    """Elections still to come with the leader uniform among the m voters still to roll."""
    values = [F(0)]
    for k in range(1, m + 1):
        # the leader is the j-th of the k still to roll; after its step-down the new leader is one of
        # the k-j behind it with probability (k-j)/(n-1), uniformly among them
        values.append(1 + F(1, k) * sum(F(k - j, n - 1) * values[k - j] for j in range(1, k + 1)))
    return values[m]


def closed(n):
    return F(n - 1, n) * (F(n, n - 1) ** n - 1)


def one_upgrade(n, leader):
    """Expected elections and the distribution of the leader after one upgrade starting at `leader`."""
    after, expected = {}, F(0)

    def roll(index, lead, p, elections):
        nonlocal expected
        if index == n:
            after[lead] = after.get(lead, 0) + p
            expected += p * elections
            return
        ordinal = n - 1 - index
        if lead != ordinal:
            roll(index + 1, lead, p, elections)
            return
        others = [o for o in range(n) if o != ordinal]
        for o in others:
            roll(index + 1, o, p / len(others), elections + 1)

    roll(0, leader, F(1), 0)
    return expected, after


for n in (3, 5, 7):
    uniform = sum(F(1, n) * one_upgrade(n, leader)[0] for leader in range(n))
    assert uniform == g(n, n) == closed(n)
    per_leader = [float(one_upgrade(n, leader)[0]) for leader in range(n)]
    # StepLatencyRun without placeLeaders: the first leader is elected among the first quorum of
    # pods to be Ready (ordinals 0..n/2), later upgrades start where the last one left the leader
    start = {o: F(1, n // 2 + 1) for o in range(n // 2 + 1)}
    rounds = []
    for _ in range(3):
        expected, following = F(0), {}
        for leader, p in start.items():
            e, after = one_upgrade(n, leader)
            expected += p * e
            for o, q in after.items():
                following[o] = following.get(o, 0) + p * q
        rounds.append(float(expected))
        start = following
    print(f"n={n}: uniform {uniform} = {float(uniform):.4f}; by starting leader (ordinal 0..{n - 1}) "
          f"{[round(x, 3) for x in per_leader]}; benchmark placement, rounds 1-3 "
          f"{[round(x, 3) for x in rounds]}, mean {sum(rounds) / 3:.3f}")
