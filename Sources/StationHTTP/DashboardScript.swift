/// The dashboard's inline style and script: plain CSS and plain JavaScript in the page itself,
/// so it needs no build step and fetches nothing but the station's own status JSON and label
/// images.
///
/// The script polls `/dashboard/status.json` a second after each answer (never two at once)
/// and writes the values into the page's `data-field` elements, as text only; the one markup it
/// inserts is the grade chart the server drew. When the page's shape no longer fits (a line
/// took a new batch, a batch opened or closed) it reloads the page, which the server draws anew.
enum DashboardScript {
    static let style = """
        body{font-family:"Noto Sans","WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;margin:1em 2em;color:#222;background:#fafafa}\
        header h1{margin:0 0 .2em}.meta{color:#555}.meta a{margin-left:1em}#stale{color:#b00;margin-left:1em}\
        section.line{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.5em 1.2em 1em;margin:1em 0}\
        .state{font-size:.8em;padding:2px 8px;border-radius:10px;background:#ddd}\
        [data-state=running] .state{background:#2a9d3a;color:#fff}[data-state=paused] .state{background:#e6a100;color:#fff}\
        [data-state=stopped] .state{background:#c0392b;color:#fff}.reason{font-size:.7em;color:#b00}\
        .progress{height:14px;background:#eee;border-radius:7px;overflow:hidden;max-width:600px}\
        .bar{height:100%;background:#2a9d3a}\
        dl.counters{display:flex;flex-wrap:wrap;gap:.5em 2em}dl.counters dt{font-size:.8em;color:#666}\
        dl.counters dd{margin:0;font-size:1.6em;font-variant-numeric:tabular-nums}\
        [data-printer-state=fault] [data-field=printer_state],[data-printer-state=offline] [data-field=printer_state]{color:#b00;font-weight:bold}\
        .labels img{width:160px;border:1px solid #ccc;margin:0 .5em .5em 0;background:#fff}\
        figure{margin:0}.note{font-size:.8em;color:#666}\
        table{border-collapse:collapse}th,td{padding:3px 10px;border-bottom:1px solid #ddd;text-align:left}td{text-align:right}\
        .ok{color:#070}.bad{color:#b00}
        """

    static let script = """
        (() => {
          const text = JSON.parse(document.getElementById('dashboard-text').textContent);
          const body = document.body;
          const counts = ['issued', 'printed', 'verified_pass', 'verified_fail', 'voided', 'unconfirmed', 'remaining', 'good', 'target'];
          let polls = 0;
          const field = (scope, name) => scope.querySelector('[data-field="' + name + '"]');
          const put = (element, value) => {
            if (element && element.textContent !== String(value)) element.textContent = String(value);
          };

          function showImages(section, line) {
            const box = field(section, 'labels');
            const files = line.label_images.join(' ');
            if (box.dataset.files === files) return;
            box.dataset.files = files;
            const images = line.label_images.map((file) => {
              const image = document.createElement('img');
              image.src = '/dashboard/lines/' + encodeURIComponent(line.line) + '/labels/' + encodeURIComponent(file);
              image.alt = file;
              image.dataset.file = file;
              return image;
            });
            if (images.length === 0) {
              const none = document.createElement('p');
              none.textContent = text.noLabels;
              images.push(none);
            }
            box.replaceChildren(...images);
          }

          function showLine(section, line) {
            section.dataset.state = line.state;
            put(field(section, 'state'), text[line.state] || line.state);
            put(field(section, 'reason'), line.reason || '');
            for (const name of counts) put(field(section, name), line[name]);
            const percent = line.target > 0 ? Math.min(100, Math.floor(line.good * 100 / line.target)) : 0;
            field(section, 'progress').style.width = percent + '%';
            section.querySelector('.progress').setAttribute('aria-valuenow', String(percent));
            section.querySelector('.printer').dataset.printerState = line.printer.state;
            put(field(section, 'printer_state'), text[line.printer.state] || line.printer.state);
            put(field(section, 'problems'), line.printer.problems.length > 0 ? line.printer.problems.join('; ') : text.noProblems);
            put(field(section, 'in_printer'), line.printer.in_printer);
            showImages(section, line);
            field(section, 'chart').innerHTML = line.chart;
            if (line.reconciliation) {
              for (const cell of section.querySelectorAll('td[data-count]')) put(cell, line.reconciliation[cell.dataset.count] ?? '');
              const balanced = field(section, 'balanced');
              balanced.className = line.reconciliation.balanced ? 'ok' : 'bad';
              put(balanced, line.reconciliation.balanced ? text.balanced : text.notBalanced);
            }
          }

          // False when the page shows other lines, batches or open batches than the status: it is redrawn.
          function fits(status) {
            const sections = document.querySelectorAll('section.line');
            const rows = [...document.querySelectorAll('#open-batches tr[data-batch]')].map((row) => row.dataset.batch);
            return sections.length === status.lines.length
              && status.lines.every((line, index) => sections[index].dataset.line === line.line
                && sections[index].dataset.batch === (line.batch === null ? '' : String(line.batch)))
              && rows.join(' ') === status.open_batches.map((batch) => String(batch.id)).join(' ');
          }

          async function poll() {
            try {
              const response = await fetch('/dashboard/status.json', { cache: 'no-store' });
              if (!response.ok) throw new Error('HTTP ' + response.status);
              const status = await response.json();
              if (!fits(status)) {
                location.reload();
                return;
              }
              const sections = document.querySelectorAll('section.line');
              status.lines.forEach((line, index) => showLine(sections[index], line));
              for (const batch of status.open_batches) {
                put(field(document.querySelector('#open-batches tr[data-batch="' + batch.id + '"]'), 'issued'), batch.issued);
              }
              const updated = document.getElementById('updated');
              updated.setAttribute('datetime', status.updated);
              put(updated, new Date(status.updated).toLocaleTimeString('en-GB'));
              document.getElementById('stale').hidden = true;
              polls += 1;
              body.dataset.polls = String(polls);
              body.dataset.updated = status.updated;
            } catch (error) {
              document.getElementById('stale').hidden = false;
            }
            setTimeout(poll, 1000);
          }

          poll();
        })();
        """
}
