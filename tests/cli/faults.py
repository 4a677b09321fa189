"""What the Python tests in tests/cli share: the faults they find, one a line."""


class Faults:
    """Counts checks and keeps the message of each that failed."""

    def __init__(self):
        self.faults = []
        self.checks = 0

    def expect(self, ok, fault):
        self.checks += 1
        if not ok:
            self.faults.append(fault)

    def report(self, summary):
        """Prints each fault and a summary; the exit status: 0, or 1 on a fault."""
        for fault in self.faults:
            print("FAIL", fault)
        print(f"{summary}, {self.checks} checks, {len(self.faults)} faults")
        return 1 if self.faults else 0
