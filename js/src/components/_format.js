// @ts-check
/**
 * Value formatting for sliders and number inputs: a printf subset for numbers (the
 * `format` argument, as Python's % operator reads it) and a moment.js-like subset for
 * dates and times (which travel as epoch microseconds, naive, so read in UTC).
 */

const PRINTF = /%([-+ 0#]*)(\d+)?(?:\.(\d+))?([diufFeEgGsxXo%])/g;

/**
 * Format a number with a printf-style pattern: %d %i %u %f %.Nf %e %g %s %x %o %%, with
 * the flags - + space 0 and a width.  Text around the directives is kept ("%d%%" ->
 * "50%", "$%.2f" -> "$3.14").
 * @param {string} pattern
 * @param {number} value
 */
export function sprintf(pattern, value) {
  return pattern.replace(PRINTF, (_, flags, width, precision, conv) => {
    if (conv === "%") return "%";
    const body = convert(conv, value, precision === undefined ? undefined : Number(precision), flags.includes("#"));
    return pad(body, flags, width ? Number(width) : 0, value);
  });
}

/**
 * @param {string} conv @param {number} value @param {number | undefined} precision
 * @param {boolean} alt
 */
function convert(conv, value, precision, alt) {
  const abs = Math.abs(value);
  switch (conv) {
    case "d": case "i": case "u":
      return String(Math.trunc(abs));
    case "f": case "F":
      return abs.toFixed(precision ?? 6);
    case "e": case "E":
      return pythonExponent(abs.toExponential(precision ?? 6), conv === "E");
    case "g": case "G":
      return generalFormat(abs, precision ?? 6, alt, conv === "G");
    case "x": case "X": {
      const hex = Math.trunc(abs).toString(16);
      return conv === "X" ? hex.toUpperCase() : hex;
    }
    case "o":
      return Math.trunc(abs).toString(8);
    default: // s
      return String(abs);
  }
}

/** JS writes "1.5e+0"; Python writes "1.5e+00" (at least two exponent digits). */
function pythonExponent(/** @type {string} */ text, /** @type {boolean} */ upper) {
  const out = text.replace(/e([+-])(\d)$/, "e$10$2");
  return upper ? out.toUpperCase() : out;
}

/** Python's %g: exponent form when the exponent is < -4 or >= precision, zeros trimmed. */
function generalFormat(/** @type {number} */ abs, /** @type {number} */ precision, /** @type {boolean} */ alt, /** @type {boolean} */ upper) {
  const p = precision === 0 ? 1 : precision;
  if (abs === 0) return alt ? (0).toFixed(p - 1) : "0";
  const exp = Number(abs.toExponential(p - 1).split("e")[1]);
  const text = exp < -4 || exp >= p ? pythonExponent(abs.toExponential(p - 1), upper) : abs.toFixed(p - 1 - exp);
  if (alt || !text.includes(".")) return text;
  return text.replace(/(\.\d*?)0+(?=$|[eE])/, "$1").replace(/\.(?=$|[eE])/, "");
}

/**
 * Sign and width: "-" left-aligns, "0" pads with zeros after the sign, "+" and " "
 * mark positive numbers.
 * @param {string} body @param {string} flags @param {number} width @param {number} value
 */
function pad(body, flags, width, value) {
  const negative = value < 0 || Object.is(value, -0);
  const sign = negative && Number(body.replace(/[^0-9]/g, "")) !== 0 ? "-" : flags.includes("+") ? "+" : flags.includes(" ") ? " " : "";
  const len = sign.length + body.length;
  if (len >= width) return sign + body;
  if (flags.includes("-")) return sign + body + " ".repeat(width - len);
  if (flags.includes("0")) return sign + "0".repeat(width - len) + body;
  return " ".repeat(width - len) + sign + body;
}

// ---- dates and times -----------------------------------------------------------------------

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MOMENT = /\[([^\]]*)\]|YYYY|YY|MMMM|MMM|MM|M|Do|DD|D|dddd|ddd|dd|d|HH|H|hh|h|mm|m|ss|s|SSS|A|a/g;

/** @param {number} n @param {number} [width] */
const two = (n, width = 2) => String(n).padStart(width, "0");

/** @param {number} n */
function ordinal(n) {
  const tail = n % 100 >= 11 && n % 100 <= 13 ? "th" : ["th", "st", "nd", "rd"][n % 10] || "th";
  return `${n}${tail}`;
}

/**
 * Format a date with a moment.js-like pattern: YYYY YY MMMM MMM MM M Do DD D dddd ddd
 * HH H hh h mm m ss s SSS A a, and [literal text].
 * @param {Date} date  read in UTC
 * @param {string} pattern
 */
export function formatDate(date, pattern) {
  const Y = date.getUTCFullYear(), M = date.getUTCMonth(), D = date.getUTCDate(), W = date.getUTCDay();
  const H = date.getUTCHours(), m = date.getUTCMinutes(), s = date.getUTCSeconds();
  const h12 = H % 12 || 12;
  /** @type {Record<string, string>} */
  const parts = {
    YYYY: String(Y), YY: two(Y % 100), MMMM: MONTHS[M], MMM: MONTHS[M].slice(0, 3), MM: two(M + 1), M: String(M + 1),
    Do: ordinal(D), DD: two(D), D: String(D), dddd: DAYS[W], ddd: DAYS[W].slice(0, 3), dd: DAYS[W].slice(0, 2), d: String(W),
    HH: two(H), H: String(H), hh: two(h12), h: String(h12), mm: two(m), m: String(m), ss: two(s), s: String(s),
    SSS: two(date.getUTCMilliseconds(), 3), A: H < 12 ? "AM" : "PM", a: H < 12 ? "am" : "pm",
  };
  return pattern.replace(MOMENT, (token, literal) => (literal !== undefined ? literal : parts[token]));
}

/** Epoch microseconds (naive) as a Date to read in UTC. */
export function microsToDate(/** @type {number} */ micros) {
  return new Date(Math.round(micros / 1000));
}

/**
 * A slider value as text, by its data type: numbers through printf, dates and times
 * through the moment-like pattern.
 * @param {number} value @param {string} dataType @param {string | null | undefined} format
 */
export function formatValue(value, dataType, format) {
  if (dataType === "date" || dataType === "time" || dataType === "datetime") {
    const fallback = { date: "YYYY-MM-DD", time: "HH:mm", datetime: "YYYY-MM-DD HH:mm" }[dataType];
    return formatDate(microsToDate(value), format || fallback);
  }
  if (format) return sprintf(format, value);
  return dataType === "int" ? String(Math.round(value)) : String(value);
}

/** The number of decimals in a step or value (0.25 -> 2, 1e-7 -> 7). */
export function decimals(/** @type {number} */ x) {
  if (!Number.isFinite(x) || Number.isInteger(x)) return 0;
  const [mantissa, exp] = x.toExponential().split("e");
  const frac = (mantissa.split(".")[1] || "").length;
  return Math.max(frac - Number(exp), 0);
}
