// @vitest-environment jsdom
import { describe, expect, test } from "vitest";
import { applyTheme, applyVariables, fontFamily, forBase, resolveSidebar, resolveTheme } from "../src/theme.js";
import { applyFonts, fontFaceRules } from "../src/fonts.js";
import { plotlyTemplate, themeColors, vegaConfig } from "../src/components/charts/theme.js";

describe("[theme] options as CSS variables", () => {
  test("colors, fonts, radius and the palette", () => {
    const { vars } = resolveTheme("system", {
      base: "dark",
      linkColor: "#0000ee",
      borderColor: "rgb(1, 2, 3)",
      dataframeBorderColor: "gray",
      codeTextColor: "teal",
      headingFont: "serif",
      codeFont: "Fira Code, monospace",
      baseRadius: "full",
      redColor: "#aa0000",
      blueBackgroundColor: "#eef",
      greenTextColor: "#060",
    });
    expect(vars["--nbs-link-color"]).toBe("#0000ee");
    expect(vars["--nbs-border-color"]).toBe("rgb(1, 2, 3)");
    expect(vars["--nbs-df-border"]).toBe("gray");
    expect(vars["--nbs-code-color"]).toBe("teal");
    expect(vars["--nbs-heading-font"]).toContain("Georgia");
    expect(vars["--nbs-code-font"]).toBe("Fira Code, monospace");
    expect(vars["--nbs-radius"]).toBe("1.4rem");
    expect(vars["--nbs-red"]).toBe("#aa0000");
    expect(vars["--nbs-blue-bg"]).toBe("#eef");
    expect(vars["--nbs-green-text"]).toBe("#060");
    expect(resolveTheme("system", { baseRadius: 3 }).vars["--nbs-radius"]).toBe("3px");
    expect(resolveTheme("system", { baseRadius: "none" }).vars["--nbs-radius"]).toBe("0");
  });

  test("[theme.sidebar] styles the sidebar only, and a Settings choice drops it", () => {
    const config = { primaryColor: "red", sidebar: { backgroundColor: "#111", secondaryBackgroundColor: "#222", textColor: "white", primaryColor: "gold" } };
    expect(resolveSidebar("system", config)).toEqual({
      "--nbs-sidebar-background": "#111",
      "--nbs-sidebar-secondary-background": "#222",
      "--nbs-text-color": "white",
      "--nbs-primary-color": "gold",
    });
    expect(resolveSidebar("dark", config)).toEqual({});
    expect(resolveSidebar("system", { primaryColor: "red" })).toEqual({});
    const root = document.createElement("div");
    const sidebar = document.createElement("div");
    root.append(sidebar);
    document.body.append(root);
    applyTheme(root, resolveTheme("system", config));
    applyVariables(sidebar, resolveSidebar("system", config));
    expect(getComputedStyle(root).getPropertyValue("--nbs-primary-color")).toBe("red");
    expect(sidebar.style.getPropertyValue("--nbs-primary-color")).toBe("gold");
    applyVariables(sidebar, {});
    expect(sidebar.style.getPropertyValue("--nbs-primary-color")).toBe("");
  });
});

describe("Streamlit 1.67's further [theme] options", () => {
  test("sizes, weights, radii, paddings and switches become CSS variables", () => {
    const { vars } = resolveTheme("system", {
      baseFontSize: 18,
      baseFontWeight: 300,
      metricValueFontSize: "48",
      metricValueFontWeight: 800,
      codeFontSize: "0.8rem",
      codeFontWeight: 500,
      codeBackgroundColor: "#101010",
      buttonRadius: "small",
      paddingTop: "3rem",
      paddingBottom: "20px",
      dataframeHeaderBackgroundColor: "#abcdef",
      dataframeHeaderTextColor: "navy",
      linkUnderline: false,
      showWidgetBorder: true,
      showSidebarBorder: false,
      headingFontSizes: ["3rem", "40px"],
      headingFontWeights: 550,
    });
    expect(vars["--nbs-base-font-size"]).toBe("18px");
    expect(vars["--nbs-base-font-weight"]).toBe("300");
    expect(vars["--nbs-metric-value-size"]).toBe("48px");
    expect(vars["--nbs-metric-value-weight"]).toBe("800");
    expect(vars["--nbs-code-font-size"]).toBe("0.8rem");
    expect(vars["--nbs-code-font-weight"]).toBe("500");
    expect(vars["--nbs-code-bg"]).toBe("#101010");
    expect(vars["--nbs-button-radius"]).toBe("0.25rem");
    expect(vars["--nbs-padding-top"]).toBe("3rem");
    expect(vars["--nbs-padding-bottom"]).toBe("20px");
    expect(vars["--nbs-df-header-bg"]).toBe("#abcdef");
    expect(vars["--nbs-df-header-color"]).toBe("navy");
    expect(vars["--nbs-link-decoration"]).toBe("none");
    expect(vars["--nbs-widget-border-color"]).toBe("var(--nbs-border-color)");
    expect(vars["--nbs-sidebar-border"]).toBe("none");
    expect(vars["--nbs-h1-size"]).toBe("3rem");
    expect(vars["--nbs-h2-size"]).toBe("40px");
    expect(vars["--nbs-h3-size"]).toBeUndefined(); // unspecified levels keep their default
    for (let level = 1; level <= 6; level++) expect(vars[`--nbs-h${level}-weight`]).toBe("550");
  });

  test("values Streamlit ignores set nothing", () => {
    const { vars } = resolveTheme("system", {
      baseFontSize: -3,
      baseFontWeight: 650, // above 600
      codeFontWeight: 420, // not a multiple of 50
      metricValueFontSize: 48, // an unquoted number is ignored
      paddingTop: "10%",
      headingFontWeights: [1000],
      chartSequentialColors: ["#000", "#111"], // not ten
    });
    expect(vars).toEqual({});
  });

  test("chart colors: categorical as given, sequential and diverging only as ten", () => {
    const ten = ["#000000", "#111111", "#222222", "#333333", "#444444", "#555555", "#666666", "#777777", "#888888", "#999999"];
    const { vars } = resolveTheme("system", {
      chartCategoricalColors: ["#ff0000", "#00ff00"],
      chartSequentialColors: ten,
      chartDivergingColors: [...ten].reverse(),
    });
    expect(vars["--nbs-chart-categorical"]).toBe("#ff0000 #00ff00");
    expect(vars["--nbs-chart-sequential"]).toBe(ten.join(" "));
    expect(vars["--nbs-chart-diverging"]).toBe([...ten].reverse().join(" "));
  });

  test("fonts: keywords, fontFaces families, and Name:URL entries", () => {
    expect(fontFamily("sans-serif")).toContain("Source Sans");
    expect(fontFamily("cool-font, fallback, sans-serif")).toBe("cool-font, fallback, sans-serif");
    expect(fontFamily("Nunito:https://fonts.googleapis.com/css2?family=Nunito&display=swap, serif")).toBe("Nunito, serif");
  });

  test("[theme.light] and [theme.dark] apply over [theme] for their base, sidebars too", () => {
    const config = {
      base: "dark",
      primaryColor: "red",
      textColor: "white",
      sidebar: { primaryColor: "gold", textColor: "silver" },
      dark: { primaryColor: "purple", sidebar: { textColor: "pink" } },
      light: { primaryColor: "green" },
    };
    expect(forBase(config, "dark").primaryColor).toBe("purple");
    expect(forBase(config, "light").primaryColor).toBe("green");
    const { vars } = resolveTheme("system", config);
    expect(vars["--nbs-primary-color"]).toBe("purple");
    expect(vars["--nbs-text-color"]).toBe("white");
    expect(resolveSidebar("system", config)).toMatchObject({ "--nbs-primary-color": "gold", "--nbs-text-color": "pink" });
    expect(resolveTheme("system", { ...config, base: "light" }).vars["--nbs-primary-color"]).toBe("green");
  });

  test("[theme] heading sizes and weights are not inherited by the sidebar", () => {
    const config = { headingFontSizes: ["4rem"], sidebar: { headingFontSizes: "1rem" } };
    const sidebar = resolveSidebar("system", config);
    for (let level = 1; level <= 6; level++) {
      expect(sidebar[`--nbs-h${level}-size`]).toBe("1rem");
      expect(sidebar[`--nbs-h${level}-weight`]).toBeUndefined();
    }
    const plain = resolveSidebar("system", { headingFontWeights: 800 });
    expect(plain["--nbs-h1-weight"]).toBe("initial"); // falls back to the default in CSS
    expect(plain["--nbs-h1-size"]).toBeUndefined();
  });
});

describe("fonts.js", () => {
  test("[[theme.fontFaces]] become @font-face rules in the page; Name:URL fonts a stylesheet", () => {
    const faces = [
      { family: "Inter", url: "app/static/Inter.woff2", weight: "400", style: "normal", unicodeRange: "U+0000-00FF" },
      { family: 'Bad"Name', url: "x.woff" },
      { url: "no-family.woff" },
    ];
    const css = fontFaceRules(faces);
    expect(css).toContain('font-family: "Inter"; src: url("app/static/Inter.woff2"); font-weight: 400; font-style: normal; unicode-range: U+0000-00FF;');
    expect(css).not.toContain('Bad"Name'); // quotes are escaped, never close the string
    expect(css.match(/@font-face/g)).toHaveLength(2);
    applyFonts({ fontFaces: faces, font: "Nunito:https://example.test/nunito.css" }, null);
    expect(document.getElementById("nbs-font-faces")?.textContent).toBe(css);
    expect([...document.querySelectorAll("link.nbs-font-link")].map((l) => l.getAttribute("href"))).toEqual(["https://example.test/nunito.css"]);
    applyFonts({ fontFaces: faces }, "sub/dir", "/base/");
    expect(document.getElementById("nbs-font-faces")?.textContent).toContain('url("/base/lab/tree/sub/dir/app/static/Inter.woff2")');
    expect(document.querySelectorAll("link.nbs-font-link")).toHaveLength(0);
    applyFonts({}, null);
    expect(document.getElementById("nbs-font-faces")).toBeNull();
  });
});

describe("chart colors from the theme", () => {
  test("Vega-Lite and Plotly take chartCategoricalColors / chartSequentialColors / chartDivergingColors", () => {
    const ten = ["#000000", "#111111", "#222222", "#333333", "#444444", "#555555", "#666666", "#777777", "#888888", "#999999"];
    const root = document.createElement("div");
    root.dataset.theme = "light";
    document.body.append(root);
    applyTheme(root, resolveTheme("system", { chartCategoricalColors: ["#ff0000", "rgb(0, 128, 0)"], chartSequentialColors: ten, chartDivergingColors: ten }));
    const colors = themeColors(root); // jsdom does not inherit custom properties; browsers do (e2e)
    expect(colors.category).toEqual(["#ff0000", "rgb(0, 128, 0)"]);
    const vega = vegaConfig(colors);
    expect(vega.range.category).toEqual(["#ff0000", "rgb(0, 128, 0)"]);
    expect(vega.mark.color).toBe("#ff0000");
    expect(vega.range.ramp).toEqual(ten);
    expect(vega.range.diverging).toEqual(ten);
    expect(plotlyTemplate(colors).layout.colorway).toEqual(["#ff0000", "rgb(0, 128, 0)"]);
    applyTheme(root, resolveTheme("system", {}));
    expect(themeColors(root).category[0]).toBe("#0068c9");
  });
});
