/// The plant dashboard's own style and script, beside `DashboardScript`'s style: plain CSS and
/// JavaScript in the page, fetching nothing but `/dashboard/plant.json`.
///
/// The script polls a second after each answer (never two at once) and writes values into the
/// rows' `data-field` cells and the `data-total` counters, as text only (the "not reporting"
/// marker is built as elements). When the rows no longer fit (a station or line appeared) it
/// reloads the page, which the server draws anew.
enum PlantScript {
    static let style = """
        td.text{text-align:left}tr[data-reporting=false]{background:#fdecea}\
        tr[data-reporting=false] td{color:#777}.not-reporting,tr[data-reporting=false] .not-reporting{color:#b00;font-weight:bold}\
        td .progress{width:120px;display:inline-block;vertical-align:middle;margin-right:.5em}\
        [data-printer-state=fault],[data-printer-state=offline]{color:#b00;font-weight:bold}
        """

    static let script = """
        (() => {
          const text = JSON.parse(document.getElementById('dashboard-text').textContent);
          const body = document.body;
          let polls = 0;
          const field = (scope, name) => scope.querySelector('[data-field="' + name + '"]');
          const put = (element, value) => {
            if (element && element.textContent !== String(value)) element.textContent = String(value);
          };
          const pad = (number) => String(number).padStart(2, '0');
          const clock = (ms, withDate) => {
            const time = new Date(ms);
            const day = time.getFullYear() + '-' + pad(time.getMonth() + 1) + '-' + pad(time.getDate()) + ' ';
            return (withDate ? day : '') + pad(time.getHours()) + ':' + pad(time.getMinutes()) + ':' + pad(time.getSeconds());
          };

          function showLastUpdate(cell, entry) {
            const time = document.createElement('time');
            time.setAttribute('datetime', entry.updated_at);
            time.textContent = clock(entry.updated_at_ms, !entry.reporting);
            if (entry.reporting) {
              cell.replaceChildren(time);
              return;
            }
            const marker = document.createElement('span');
            marker.className = 'not-reporting';
            marker.append(text.notReportingSince + ' ', time);
            cell.replaceChildren(marker);
          }

          function showRow(row, entry) {
            const line = entry.status || {};
            row.dataset.reporting = String(entry.reporting);
            row.dataset.state = line.state || 'unavailable';
            put(field(row, 'state'), text[row.dataset.state] || row.dataset.state);
            put(field(row, 'reason'), line.reason || '');
            put(field(row, 'batch'), line.batch == null ? '–' : line.batch);
            for (const name of ['good', 'target', 'printed', 'verified_pass', 'verified_fail']) put(field(row, name), line[name] ?? 0);
            const percent = line.target > 0 ? Math.min(100, Math.floor(line.good * 100 / line.target)) : 0;
            field(row, 'progress').style.width = percent + '%';
            row.querySelector('.progress').setAttribute('aria-valuenow', String(percent));
            const printer = (line.printer && line.printer.state) || 'offline';
            field(row, 'printer_state').parentElement.dataset.printerState = printer;
            put(field(row, 'printer_state'), text[printer] || printer);
            const cell = field(row, 'last_update');
            if (cell.dataset.shown !== entry.updated_at + entry.reporting) {
              cell.dataset.shown = entry.updated_at + entry.reporting;
              showLastUpdate(cell, entry);
            }
          }

          const entries = (plant) => plant.stations.flatMap((station) => station.lines.map((entry) => [station.station, entry]));

          // False when the page shows other rows than the plant has: it is redrawn.
          function fits(plant) {
            const rows = document.querySelectorAll('#plant-lines tr[data-line]');
            const wanted = entries(plant);
            return rows.length === wanted.length
              && wanted.every(([station, entry], index) => rows[index].dataset.station === station && rows[index].dataset.line === entry.line);
          }

          async function poll() {
            try {
              const response = await fetch('/dashboard/plant.json', { cache: 'no-store' });
              if (!response.ok) throw new Error('HTTP ' + response.status);
              const plant = await response.json();
              if (!fits(plant)) {
                location.reload();
                return;
              }
              const rows = document.querySelectorAll('#plant-lines tr[data-line]');
              entries(plant).forEach(([, entry], index) => showRow(rows[index], entry));
              for (const total of document.querySelectorAll('[data-total]')) put(total, plant.totals[total.dataset.total] ?? 0);
              const updated = document.getElementById('updated');
              updated.setAttribute('datetime', plant.generated_at);
              put(updated, clock(plant.generated_at_ms, false));
              document.getElementById('stale').hidden = true;
              polls += 1;
              body.dataset.polls = String(polls);
              body.dataset.updated = plant.generated_at;
            } catch (error) {
              document.getElementById('stale').hidden = false;
            }
            setTimeout(poll, 1000);
          }

          poll();
        })();
        """
}
