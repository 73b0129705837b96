"""Chord lookup simulator for teaching: a ring of nodes with finger tables."""
import argparse
import random
import statistics


def in_interval(x, start, end, bits):
    """True if x lies in the ring interval (start, end]."""
    size = 1 << bits
    x, start, end = x % size, start % size, end % size
    if start < end:
        return start < x <= end
    return x > start or x <= end


class Ring:
    def __init__(self, ids, bits, fingers=True):
        self.bits = bits
        self.ids = sorted(ids)
        self.fingers = {n: self._fingers(n) if fingers else [self.successor(n + 1)] for n in self.ids}

    def successor(self, key):
        key %= 1 << self.bits
        for n in self.ids:
            if n >= key:
                return n
        return self.ids[0]

    def _fingers(self, n):
        return [self.successor(n + (1 << i)) for i in range(self.bits)]

    def lookup(self, start, key):
        """Returns (owner, hops) resolving key from node start."""
        node, hops = start, 0
        while not in_interval(key, node, self.fingers[node][0], self.bits):
            closer = [f for f in self.fingers[node] if in_interval(f, node, key - 1, self.bits)]
            node = max(closer, key=lambda f: (f - node) % (1 << self.bits)) if closer else self.fingers[node][0]
            hops += 1
        return self.fingers[node][0], hops + 1


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nodes", type=int, default=64)
    parser.add_argument("--bits", type=int, default=16)
    parser.add_argument("--lookups", type=int, default=1000)
    parser.add_argument("--no-fingers", action="store_true")
    args = parser.parse_args()
    rng = random.Random(2001)
    ring = Ring(rng.sample(range(1 << args.bits), args.nodes), args.bits, fingers=not args.no_fingers)
    hops = [ring.lookup(rng.choice(ring.ids), rng.randrange(1 << args.bits))[1] for _ in range(args.lookups)]
    print(f"nodes={args.nodes} mean hops={statistics.mean(hops):.2f} max hops={max(hops)}")


if __name__ == "__main__":
    main()
