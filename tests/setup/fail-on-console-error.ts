import { beforeEach, vi } from "vitest";

// An unexpected console.error (React warnings, swallowed failures) fails the test that caused it.
beforeEach(() => {
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error was called: ${args.map(String).join(" ")}`);
  });
});
