/**
 * The only module that knows the UI component library.
 *
 * @vscode/webview-ui-toolkit is sunset upstream (its repository is archived). Every toolkit import and
 * every `vscode-*` tag name lives here and nowhere else, behind small factory functions, so replacing it
 * with @vscode-elements/elements (`vscode-table`, `vscode-progress-ring`, `vscode-badge`, `vscode-button`,
 * `vscode-single-select` and `vscode-option`)
 * is a change to this one file (`vscode-tabs`, `vscode-tab-header` and `vscode-tab-panel` for the panels). `vscode-badge` is not used: its template binds a `style` attribute, which
 * the panel's Content-Security-Policy (no 'unsafe-inline') blocks; a tag shows counts instead. The progress
 * ring's template holds such an attribute too, used only by the determinate ring: the policy blocks it once,
 * with a console message and no visible effect, since the panel's ring is indeterminate.
 */
import {
  provideVSCodeDesignSystem,
  vsCodeButton,
  vsCodeDataGrid,
  vsCodeDataGridCell,
  vsCodeDataGridRow,
  vsCodeDropdown,
  vsCodeOption,
  vsCodePanels,
  vsCodePanelTab,
  vsCodePanelView,
  vsCodeProgressRing,
  vsCodeTag,
  type DataGrid,
  type Panels,
} from "@vscode/webview-ui-toolkit";

/** The narrowest a grid column gets; a grid wider than its page scrolls sideways instead. */
const minimumColumnWidth = "6.5em";

export interface GridColumn {
  /** The row property shown in this column. */
  readonly key: string;
  readonly title: string;
  /** A CSS grid track size, such as `1fr` or `2fr`. */
  readonly width: string;
}

/** Defines the custom elements; call once before creating any component. */
export function registerToolkit(): void {
  provideVSCodeDesignSystem().register(
    vsCodeButton(),
    vsCodeDataGrid(),
    vsCodeDataGridCell(),
    vsCodeDataGridRow(),
    vsCodeDropdown(),
    vsCodeOption(),
    vsCodePanels(),
    vsCodePanelTab(),
    vsCodePanelView(),
    vsCodeProgressRing(),
    vsCodeTag(),
  );
}

export interface PanelSpec {
  /** Names the tab; unique in the page. */
  readonly id: string;
  readonly title: string;
  readonly content: HTMLElement;
}

/**
 * Tabs above views, one per spec, with `active` shown first; `onChange` gets the id of the tab the user
 * switches to. Inactive views are hidden (not removed), so their contents keep their state.
 */
export function createPanels(specs: readonly PanelSpec[], active: string, onChange: (id: string) => void): HTMLElement {
  const panels = document.createElement("vscode-panels") as Panels;
  panels.setAttribute("aria-label", "Result views");
  panels.setAttribute("activeid", `tab-${active}`);
  for (const spec of specs) {
    const tab = document.createElement("vscode-panel-tab");
    tab.id = `tab-${spec.id}`;
    tab.textContent = spec.title;
    panels.append(tab);
  }
  for (const spec of specs) {
    const view = document.createElement("vscode-panel-view");
    view.id = `view-${spec.id}`;
    view.append(spec.content);
    panels.append(view);
  }
  panels.addEventListener("change", (event) => {
    // Only the panels' own change event, not one bubbling up from a control inside a view.
    if (event.target !== panels) return;
    const id = panels.activeid;
    if (typeof id === "string" && id.startsWith("tab-")) onChange(id.slice("tab-".length));
  });
  return panels;
}

/** A read-only table with a header row; `rows` are plain objects keyed by the columns' `key`s. */
export function createDataGrid(rows: readonly object[], columns: readonly GridColumn[], label: string): HTMLElement {
  const grid = document.createElement("vscode-data-grid") as DataGrid;
  grid.setAttribute("aria-label", label);
  grid.generateHeader = "sticky";
  setDataGridColumns(grid, columns);
  grid.rowsData = [...rows];
  return grid;
}

/** Replaces the rows of a grid made by `createDataGrid`. */
export function setDataGridRows(grid: HTMLElement, rows: readonly object[]): void {
  (grid as DataGrid).rowsData = [...rows];
}

/** Adds rows at the end of a grid made by `createDataGrid`; only the new rows are drawn. */
export function appendDataGridRows(grid: HTMLElement, rows: readonly object[]): void {
  // The grid observes its rows array, so pushing into it adds row elements instead of redrawing every row.
  (grid as DataGrid).rowsData.push(...rows);
}

/** Replaces the columns of a grid made by `createDataGrid` (its rows are drawn again). */
export function setDataGridColumns(grid: HTMLElement, columns: readonly GridColumn[]): void {
  const dataGrid = grid as DataGrid;
  // Every row is a grid of its own, so the minimum is fixed (not min-content) to keep the columns aligned.
  dataGrid.gridTemplateColumns = columns.map((c) => `minmax(${minimumColumnWidth}, ${c.width})`).join(" ");
  dataGrid.columnDefinitions = columns.map((c) => ({ columnDataKey: c.key, title: c.title }));
}

/** An indeterminate spinner. */
export function createProgressRing(label: string): HTMLElement {
  const ring = document.createElement("vscode-progress-ring");
  ring.setAttribute("aria-label", label);
  return ring;
}

/** A short label for a state or a count, such as "running" or "3 finished". */
export function createTag(text: string): HTMLElement {
  const tag = document.createElement("vscode-tag");
  tag.textContent = text;
  return tag;
}

/** A secondary button that calls `onClick` when pressed. */
export function createButton(label: string, onClick: () => void): HTMLElement {
  const button = document.createElement("vscode-button");
  button.setAttribute("appearance", "secondary");
  button.textContent = label;
  button.addEventListener("click", onClick);
  return button;
}

/** A drop-down list of `choices`, showing `selected`; `onChange` gets the value the user picks. */
export function createDropdown(
  label: string,
  choices: readonly { readonly value: string; readonly words: string }[],
  selected: string,
  onChange: (value: string) => void,
): HTMLElement {
  const dropdown = document.createElement("vscode-dropdown") as HTMLElement & { value: string };
  dropdown.setAttribute("aria-label", label);
  for (const choice of choices) {
    const option = document.createElement("vscode-option");
    option.setAttribute("value", choice.value);
    option.textContent = choice.words;
    if (choice.value === selected) option.setAttribute("selected", "");
    dropdown.append(option);
  }
  dropdown.addEventListener("change", () => onChange(dropdown.value));
  return dropdown;
}
