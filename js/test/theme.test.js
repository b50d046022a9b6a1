// @vitest-environment jsdom
import { describe, expect, test } from "vitest";
import { applyTheme, applyVariables, resolveSidebar, resolveTheme } from "../src/theme.js";

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
