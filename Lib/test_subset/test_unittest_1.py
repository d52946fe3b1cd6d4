# unittest: a suite run by the text runner into a StringIO, verbose and
# not, with failures, errors, skips, expected failures and subtests.
import io
import unittest


def helper(x):
    if x > 2:
        raise KeyError(x)
    return x


class Sample(unittest.TestCase):
    def test_ok(self):
        self.assertEqual(1 + 1, 2)
        self.assertIn(3, [1, 2, 3])
        self.assertIsNone(None)
        self.assertAlmostEqual(1.0, 1.00000001)
        with self.assertRaises(KeyError) as cm:
            helper(5)
        self.assertEqual(cm.exception.args, (5,))
        self.assertRaises(ValueError, int, "x")

    def test_fail(self):
        self.assertEqual(1, 2)

    def test_fail_message(self):
        self.assertTrue(0, "custom message")

    def test_error(self):
        helper(9)

    def test_not_raised(self):
        with self.assertRaises(ValueError):
            pass

    @unittest.skip("not today")
    def test_skipped(self):
        pass

    def test_skip_inside(self):
        self.skipTest("skipped inside")

    @unittest.expectedFailure
    def test_expected_failure(self):
        self.assertEqual(1, 0)

    @unittest.expectedFailure
    def test_unexpected_success(self):
        pass

    def test_subtests(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertLess(i, 2)

    def test_docstring(self):
        """First line of the doc.

        More lines."""
        self.assertGreater(2, 1)


class Fixtures(unittest.TestCase):
    log = []

    @classmethod
    def setUpClass(cls):
        cls.log.append("setUpClass")

    def setUp(self):
        self.log.append("setUp")
        self.addCleanup(self.log.append, "cleanup")

    def tearDown(self):
        self.log.append("tearDown")

    def test_one(self):
        self.log.append("one")

    @classmethod
    def tearDownClass(cls):
        cls.log.append("tearDownClass")


class BrokenClass(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise RuntimeError("setUpClass failed")

    def test_never_runs(self):
        pass


def run(verbosity):
    stream = io.StringIO()
    loader = unittest.TestLoader()
    suite = unittest.TestSuite()
    for case in (Sample, Fixtures, BrokenClass):
        suite.addTests(loader.loadTestsFromTestCase(case))
    result = unittest.TextTestRunner(stream=stream, verbosity=verbosity).run(suite)
    for line in stream.getvalue().splitlines():
        if line.startswith("Ran "):
            line = line[:line.rindex(" in ")] + " in <time>"
        print(line)
    print(result, result.wasSuccessful(), len(result.skipped),
          len(result.expectedFailures), len(result.unexpectedSuccesses))


run(1)
print("-" * 20)
run(2)
print(Fixtures.log)
print(unittest.TestLoader().getTestCaseNames(Sample))
print(Sample("test_ok").id(), str(Sample("test_ok")), repr(Sample("test_ok")))
try:
    Sample("no_such_test")
except ValueError as e:
    print("ValueError:", e)
