import { expect, test } from "vitest";
import { decimals, formatDate, formatValue, sprintf } from "../src/components/_format.js";

test.each([
  ["%d", 3.7, "3"], ["%i", -2, "-2"], ["%f", 1.5, "1.500000"], ["%.2f", 3.14159, "3.14"], ["%0.1f%%", 45.67, "45.7%"],
  ["%e", 12345.678, "1.234568e+04"], ["%.2e", 0.000123, "1.23e-04"], ["%g", 1.5, "1.5"], ["%g", 1000000, "1e+06"],
  ["%g", 0.00001, "1e-05"], ["%g", 100000, "100000"], ["%5d", 42, "   42"], ["%-5d|", 42, "42   |"], ["%05d", -42, "-0042"],
  ["%+d", 5, "+5"], ["$%.2f", 3, "$3.00"], ["%x", 255, "ff"], ["%d years", 7, "7 years"],
])("sprintf(%s, %s) = %s", (fmt, value, expected) => {
  expect(sprintf(fmt, value)).toBe(expected);
});

test("moment-like dates", () => {
  const d = new Date(Date.UTC(2024, 4, 3, 14, 5, 9));
  expect(formatDate(d, "YYYY-MM-DD HH:mm:ss")).toBe("2024-05-03 14:05:09");
  expect(formatDate(d, "MM/DD/YY h:mm A")).toBe("05/03/24 2:05 PM");
  expect(formatDate(d, "dddd, MMMM Do [at] HH:mm")).toBe("Friday, May 3rd at 14:05");
});

test("slider values by data type (dates and times are epoch microseconds)", () => {
  expect(formatValue(1714745109000000, "datetime", null)).toBe("2024-05-03 14:05");
  expect(formatValue(45900000000, "time", "HH:mm")).toBe("12:45");
  expect(formatValue(86400000000, "date", "MMM D, YYYY")).toBe("Jan 2, 1970");
  expect(formatValue(0.25, "float", "%0.2f")).toBe("0.25");
});

test("decimals", () => {
  expect([decimals(0.25), decimals(1e-7), decimals(3), decimals(0.01)]).toEqual([2, 7, 0, 2]);
});
