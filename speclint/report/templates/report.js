// speclint report: draws the code-space maps and the catalog from the JSON block above.
// Spec text only ever reaches the page through textContent and attribute values, never as
// markup. Large registries are paged: only one page of maps and of catalog rows is in the DOM.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("speclint-data").textContent);
  const SVG = "http://www.w3.org/2000/svg";
  const MAPS_PER_PAGE = 12;
  const ROWS_PER_PAGE = 100;
  const BAND_WIDTH = 1000; // the SVG's own units; it is stretched to the card's width
  const ZONE = 40; // room for the codes below or above the range
  const MARKS_LISTED = 12; // collisions, reserved ranges and outside codes listed per map
  const number = new Intl.NumberFormat("en");

  function el(tag, props, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === "text") node.textContent = value;
      else if (key === "className") node.className = value;
      else node.setAttribute(key, value);
    }
    for (const child of children || []) {
      if (child !== null && child !== undefined) {
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
      }
    }
    return node;
  }

  function svgEl(tag, attrs, title) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
    if (title) {
      const tip = document.createElementNS(SVG, "title");
      tip.textContent = title;
      node.append(tip);
    }
    return node;
  }

  function plural(count, word, many) {
    return number.format(count) + " " + (count === 1 ? word : many || word + "s");
  }

  function debounce(fn, ms) {
    let timer = 0;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    };
  }

  function pager(container, page, pages, onPage) {
    container.replaceChildren();
    if (pages <= 1) return;
    const previous = el("button", { type: "button", text: "Previous" });
    previous.disabled = page === 0;
    previous.addEventListener("click", () => onPage(page - 1));
    const next = el("button", { type: "button", text: "Next" });
    next.disabled = page >= pages - 1;
    next.addEventListener("click", () => onPage(page + 1));
    container.append(previous, el("span", { text: "Page " + (page + 1) + " of " + number.format(pages) }), next);
  }

  // ---- code-space maps ------------------------------------------------------------------

  function title(section) {
    return data.spaces[section.space] + " > " + section.heading;
  }

  function markText(mark) {
    return mark[0] + ": " + mark[1].join(", ") + " (" + mark[2] + ":" + mark[3] + ")";
  }

  function drawBand(band, outside, label) {
    const below = outside.filter((m) => !m[4] && BigInt(m[0]) < BigInt(band.low));
    const above = outside.filter((m) => !m[4] && BigInt(m[0]) > BigInt(band.high));
    const left = below.length ? ZONE : 0;
    const right = above.length ? ZONE : 0;
    const inner = BAND_WIDTH - left - right;
    const svg = svgEl("svg", {
      viewBox: "0 0 " + BAND_WIDTH + " 30",
      preserveAspectRatio: "none",
      role: "img",
      "aria-label": label,
      class: "band-svg",
    });
    svg.append(svgEl("rect", { class: "free", x: left, y: 0, width: inner, height: 30 },
      "free: " + band.low + ".." + band.high));
    for (const [from, to, text] of band.reserved) {
      svg.append(svgEl("rect", { class: "reserved", x: left + from * inner, y: 0, width: Math.max((to - from) * inner, 2), height: 30 },
        "reserved by the page: " + text));
    }
    const step = inner / band.count;
    // Neighbouring slices that look alike are drawn as one run: no seams between them, and one
    // tooltip for the run.
    const runs = [];
    const bandLow = BigInt(band.low);
    const bandHigh = BigInt(band.high);
    const width = BigInt(band.width);
    for (const [index, used, collisions, elsewhere] of band.slices) {
      const lowest = bandLow + BigInt(index) * width;
      const highest = lowest + width - 1n;
      const low = String(lowest);
      const high = String(highest < bandHigh ? highest : bandHigh);
      const kind = used ? (collisions ? "collision" : "used") : "elsewhere";
      // How full a slice of many values is, in tenths: a slice of 250 values with one code in
      // it is paler than a full one.
      const fill = kind === "used" && width > 1n ? Math.round(6 + 4 * Math.min(1, used / Number(width))) / 10 : 1;
      const under = used > 0 && elsewhere > 0;
      const last = runs[runs.length - 1];
      if (last && last.end === index - 1 && last.kind === kind && last.fill === fill && last.under === under) {
        last.end = index;
        last.high = high;
        last.used += used;
        last.collisions += collisions;
        last.elsewhere += elsewhere;
      } else {
        runs.push({ start: index, end: index, low, high, used, collisions, elsewhere, kind, fill, under });
      }
    }
    for (const run of runs) {
      const x = left + run.start * step;
      const width = Math.max((run.end - run.start + 1) * step, 2);
      const parts = [];
      if (run.used) parts.push(plural(run.used, "code") + " of this section");
      if (run.collisions) parts.push(plural(run.collisions, "value") + " used twice");
      if (run.elsewhere) parts.push(plural(run.elsewhere, "value") + " used by another section");
      const tip = (run.low === run.high ? run.low : run.low + ".." + run.high) + ": " + parts.join(", ");
      const rect = svgEl("rect", { class: run.kind, x, y: 0, width, height: 30 }, tip);
      if (run.fill < 1) rect.setAttribute("fill-opacity", String(run.fill));
      svg.append(rect);
      if (run.under) svg.append(svgEl("rect", { class: "elsewhere", x, y: 22, width, height: 8 }, tip));
    }
    for (const [zone, where, x0] of [[below, "below", 0], [above, "above", BAND_WIDTH - right]]) {
      if (!zone.length) continue;
      svg.append(svgEl("rect", { class: "outside-zone", x: x0, y: 0, width: ZONE, height: 30 },
        plural(zone.length, "code") + " " + where + " the range"));
      zone.forEach((mark, i) => {
        const x = x0 + ((i + 0.5) * ZONE) / zone.length - 1.5;
        svg.append(svgEl("rect", { class: "outside", x, y: 0, width: 3, height: 30 },
          "outside the range: " + markText(mark)));
      });
    }
    if (band.next !== null) {
      const x = left + band.next * inner;
      svg.append(svgEl("rect", { class: "next", x: x - 1.5, y: 0, width: 3, height: 30 },
        "next free value"));
    }
    return svg;
  }

  function bandBlock(band, outside, caption, label) {
    return el("div", { className: "band" }, [
      drawBand(band, outside, label),
      el("div", { className: "band-label" }, [
        el("span", { className: "mono", text: band.low }),
        el("span", { className: "zoom", text: caption }),
        el("span", { className: "mono", text: band.high }),
      ]),
    ]);
  }

  function mapCard(section, index) {
    const card = el("article", { className: "card map-card", "data-section": String(index) });
    card.append(el("h3", { text: title(section) }));
    const counts = [plural(section.definitions, "code")];
    if (section.references) counts.push(plural(section.references, "reference"));
    const facts = el("p", { className: "facts" }, [counts.join(", ")]);
    const map = section.map;
    if (!map) {
      facts.append(" (string codes: no range to draw)");
      card.append(facts);
    } else {
      facts.append(" · " + (map.ranged ? "range " : "span ") + map.low + ".." + map.high + " (" + map.origin + ")");
      card.append(facts);
      const next = el("p", { className: "facts" });
      if (map.next !== null) {
        next.append("Next free value: ", el("strong", { className: "next-free mono", text: map.next }));
        // What `speclint allocate` offers: above the highest value taken.
        next.append(map.highest !== null ? " (after " + map.highest + ", the highest taken). " : ". ");
      } else {
        next.append(el("strong", { text: "No free value above " + map.highest + ". " }));
      }
      if (map.gaps) {
        next.append(plural(map.gaps, "free value") + " in gaps below it, from " + map.firstGap +
          " (a gap may be a removed code that old clients still know). ");
      }
      next.append(number.format(map.free) + " free in all, in " + plural(map.stretches, "stretch", "stretches"));
      if (map.largest.length) {
        next.append("; largest: " + map.largest.map((r) => (r[0] === r[1] ? r[0] : r[0] + ".." + r[1]) + " (" + number.format(r[2]) + ")").join(", "));
      }
      card.append(next);
      const scale = map.band.width === "1" ? "one mark per value" : "each mark " + map.band.width + " values";
      card.append(bandBlock(map.band, map.outside, scale, "map of " + title(section)));
      if (map.detail) {
        const detail = map.detail;
        const zoomScale = detail.width === "1" ? "one mark per value" : "each mark " + detail.width + " values";
        card.append(bandBlock(detail, [], "zoomed in on the codes in use: " + zoomScale, "detail of " + title(section)));
      }
      const marks = el("ul", { className: "marks" });
      // A long list is cut: the catalog (filtered by value or name) has every code.
      const listed = (items, word, many, item) => {
        for (const entry of items.slice(0, MARKS_LISTED)) marks.append(item(entry));
        if (items.length > MARKS_LISTED) {
          marks.append(el("li", { text: "and " + plural(items.length - MARKS_LISTED, word, many) + " more" }));
        }
      };
      listed(map.collisions, "collision", null, (mark) =>
        el("li", { className: "mark-collision", text: "collision " + markText(mark) }));
      listed(map.reserved, "reserved range", null, (range) =>
        el("li", { className: "mark-reserved", text: "reserved by the page " + range }));
      listed(map.outside, "code outside the range", "codes outside the range", (mark) =>
        el("li", {
          className: mark[4] ? "" : "mark-outside",
          text: (mark[4] ? "generic code beside the range " : "outside the range ") + markText(mark),
        }));
      if (marks.childElementCount) card.append(marks);
    }
    const show = el("button", { type: "button", text: "Show these codes in the catalog" });
    show.addEventListener("click", () => {
      catalog.section.value = String(index);
      catalog.page = 0;
      renderCatalog();
      document.getElementById("catalog").scrollIntoView();
    });
    card.append(show);
    return card;
  }

  const maps = {
    list: document.getElementById("maps-list"),
    filter: document.getElementById("maps-filter"),
    status: document.getElementById("maps-status"),
    pager: document.getElementById("maps-pager"),
    page: 0,
    titles: data.sections.map((s) => title(s).toLowerCase()),
  };

  function renderMaps() {
    const query = maps.filter.value.trim().toLowerCase();
    const shown = [];
    data.sections.forEach((_, i) => {
      if (!query || maps.titles[i].includes(query)) shown.push(i);
    });
    const pages = Math.max(1, Math.ceil(shown.length / MAPS_PER_PAGE));
    maps.page = Math.min(maps.page, pages - 1);
    const first = maps.page * MAPS_PER_PAGE;
    const slice = shown.slice(first, first + MAPS_PER_PAGE);
    maps.list.replaceChildren(...slice.map((i) => mapCard(data.sections[i], i)));
    maps.status.textContent = shown.length === data.sections.length
      ? plural(shown.length, "section")
      : plural(shown.length, "section") + " of " + number.format(data.sections.length);
    maps.list.setAttribute("data-shown", String(shown.length));
    pager(maps.pager, maps.page, pages, (page) => {
      maps.page = page;
      renderMaps();
      document.getElementById("maps").scrollIntoView();
    });
  }

  // ---- catalog --------------------------------------------------------------------------

  // A record: [section, file, line, name, value as written (null: the number's own spelling),
  //            value as a number or null, meaning, other columns, state, rule codes of its
  //            findings, heading chain]
  const R = { section: 0, file: 1, line: 2, name: 3, raw: 4, value: 5, description: 6, extra: 7, state: 8, codes: 9, chain: 10 };
  const records = data.records;
  for (const r of records) {
    if (r[R.raw] === null) r[R.raw] = String(r[R.value]);
  }
  const haystack = records.map((r) =>
    [r[R.name], r[R.raw], r[R.description], r[R.extra], data.chains[r[R.chain]], data.files[r[R.file]] + ":" + r[R.line], r[R.state], r[R.codes]]
      .join("\u0000").toLowerCase());

  const catalog = {
    rows: document.getElementById("catalog-rows"),
    filter: document.getElementById("catalog-filter"),
    section: document.getElementById("catalog-section"),
    findingsOnly: document.getElementById("catalog-findings"),
    status: document.getElementById("catalog-status"),
    pager: document.getElementById("catalog-pager"),
    table: document.getElementById("catalog-table"),
    page: 0,
    sortKey: null,
    sortDirection: 1,
  };

  const perSection = new Array(data.sections.length).fill(0);
  for (const r of records) perSection[r[R.section]] += 1;
  data.sections.forEach((section, i) => {
    catalog.section.append(el("option", { value: String(i), text: title(section) + " (" + number.format(perSection[i]) + ")" }));
  });

  function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }

  const comparators = {
    name: (a, b) => compareText(records[a][R.name], records[b][R.name]),
    value: (a, b) => {
      const x = records[a][R.value];
      const y = records[b][R.value];
      if (x !== null && y !== null) return x - y;
      if (x !== null) return -1; // numbers before string codes
      if (y !== null) return 1;
      return compareText(records[a][R.raw], records[b][R.raw]);
    },
    description: (a, b) => compareText(records[a][R.description], records[b][R.description]),
    section: (a, b) => records[a][R.section] - records[b][R.section] || records[a][R.line] - records[b][R.line],
    place: (a, b) => compareText(data.files[records[a][R.file]], data.files[records[b][R.file]]) || records[a][R.line] - records[b][R.line],
    state: (a, b) => compareText(records[a][R.state], records[b][R.state]),
  };

  function selected() {
    const query = catalog.filter.value.trim().toLowerCase();
    const section = catalog.section.value === "" ? -1 : Number(catalog.section.value);
    const findingsOnly = catalog.findingsOnly.checked;
    const shown = [];
    for (let i = 0; i < records.length; i += 1) {
      if (section >= 0 && records[i][R.section] !== section) continue;
      if (findingsOnly && !records[i][R.codes]) continue;
      if (query && !haystack[i].includes(query)) continue;
      shown.push(i);
    }
    if (catalog.sortKey) {
      const compare = comparators[catalog.sortKey];
      const direction = catalog.sortDirection;
      shown.sort((a, b) => direction * compare(a, b) || a - b);
    }
    return shown;
  }

  function recordRow(r) {
    const name = el("td", {}, [el("code", { text: r[R.name] || "\u2014" })]);
    if (r[R.codes]) name.append(el("span", { className: "codes", text: r[R.codes] }));
    const meaning = el("td", { text: r[R.description] });
    if (r[R.extra]) meaning.append(el("span", { className: "state", text: " (" + r[R.extra] + ")" }));
    return el("tr", {}, [
      name,
      el("td", {}, [el("code", { text: r[R.raw] })]),
      meaning,
      el("td", { text: data.chains[r[R.chain]] }),
      el("td", {}, [el("code", { text: data.files[r[R.file]] + ":" + r[R.line] })]),
      el("td", { className: "state", text: r[R.state] }),
    ]);
  }

  function renderCatalog() {
    const shown = selected();
    const pages = Math.max(1, Math.ceil(shown.length / ROWS_PER_PAGE));
    catalog.page = Math.min(catalog.page, pages - 1);
    const first = catalog.page * ROWS_PER_PAGE;
    const page = shown.slice(first, first + ROWS_PER_PAGE);
    catalog.rows.replaceChildren(...page.map((i) => recordRow(records[i])));
    catalog.table.setAttribute("data-shown", String(shown.length));
    const range = shown.length ? number.format(first + 1) + "\u2013" + number.format(first + page.length) + " of " : "";
    catalog.status.textContent = range + plural(shown.length, "record") +
      (shown.length === records.length ? "" : " (of " + number.format(records.length) + ")");
    pager(catalog.pager, catalog.page, pages, (next) => {
      catalog.page = next;
      renderCatalog();
      catalog.table.scrollIntoView();
    });
  }

  for (const th of catalog.table.querySelectorAll("th[data-key]")) {
    th.querySelector("button").addEventListener("click", () => {
      const key = th.getAttribute("data-key");
      catalog.sortDirection = catalog.sortKey === key ? -catalog.sortDirection : 1;
      catalog.sortKey = key;
      for (const other of catalog.table.querySelectorAll("th[data-key]")) other.removeAttribute("aria-sort");
      th.setAttribute("aria-sort", catalog.sortDirection === 1 ? "ascending" : "descending");
      catalog.page = 0;
      renderCatalog();
    });
  }

  const refilter = () => {
    catalog.page = 0;
    renderCatalog();
  };
  catalog.filter.addEventListener("input", debounce(refilter, 120));
  catalog.section.addEventListener("change", refilter);
  catalog.findingsOnly.addEventListener("change", refilter);
  maps.filter.addEventListener("input", debounce(() => {
    maps.page = 0;
    renderMaps();
  }, 120));

  renderMaps();
  renderCatalog();
})();
