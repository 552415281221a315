// The console's few behaviours: confirm before a change, the runs chart (uPlot), the live panel, a
// preview page that refreshes until its plan is there. Text goes in with textContent, never as HTML.
document.querySelectorAll('form[data-confirm]').forEach(function (form) {
  form.addEventListener('submit', function (event) {
    if (!window.confirm(form.getAttribute('data-confirm'))) {
      event.preventDefault();
    }
  });
});

// The runs chart's time axis, in UTC as the runs table: whole days, from the first run's day to the last
// run's, with ticks of its own (every 3 hours when all runs fall on one day). uPlot alone would pad a lone
// run by 86400 / ms, ms being 1e-3 for times in seconds: 1,000 days, so one run in 2026 drew 2027 to 2029.
var DAY = 86400;
function runsAxis(times) {
  var first = Math.floor(times[0] / DAY) * DAY;
  var last = Math.floor(times[times.length - 1] / DAY) * DAY;
  var days = (last - first) / DAY;
  var ticks = [];
  if (days === 0) {
    for (var hour = 0; hour < 24; hour += 3) { ticks.push(first + hour * 3600); }
    return { min: first, max: first + DAY, ticks: ticks, hours: true };
  }
  // about 8 labels at most; the last run's day always has one, the one before it dropped when too close
  var step = [1, 2, 3, 5, 7, 10, 14, 15, 30].filter(function (s) { return days / s <= 8; })[0] || Math.ceil(days / 8);
  for (var t = first; t < last - step * DAY / 2; t += step * DAY) { ticks.push(t); }
  ticks.push(last);
  return { min: first, max: last + DAY, ticks: ticks, hours: false };
}
function utcDay(t) { return new Date(t * 1000).toISOString().slice(0, 10); }
function utcTime(t) { return new Date(t * 1000).toISOString().slice(11, 16); }

var chartData = document.getElementById('chart-data');
if (chartData && window.uPlot) {
  var data = JSON.parse(chartData.textContent);
  var box = document.getElementById('chart');
  var bars = uPlot.paths && uPlot.paths.bars ? uPlot.paths.bars({ size: [0.6, 40] }) : undefined;
  var series = function (label, colour) {
    return { label: label, stroke: colour, fill: colour + '55', width: 1, paths: bars, points: { show: true } };
  };
  var axis = data[0].length ? runsAxis(data[0]) : null;
  var started = { label: 'started (UTC)', value: function (u, t) { return t == null ? '' : utcDay(t) + ' ' + utcTime(t); } };
  new uPlot({
    width: Math.max(400, box.clientWidth || 900), height: 240,
    scales: { x: { time: true, range: function (u, min, max) { return axis ? [axis.min, axis.max] : [min, max]; } } },
    series: [started, series('applied', '#2e7d32'), series('unchanged', '#90a4ae'), series('rejected', '#ef6c00'),
      series('failed', '#c62828')],
    axes: [{
      splits: function () { return axis ? axis.ticks : []; },
      values: function (u, ticks) {
        var labels = ticks.map(function (t, i) {
          return !axis.hours ? utcDay(t) : i === 0 ? utcTime(t) + '\n' + utcDay(t) : utcTime(t);
        });
        // the axis is drawn on a canvas: what it shows is also written where a reader (or a test) finds it
        box.setAttribute('data-ticks', ticks.join(' '));
        box.setAttribute('data-tick-labels', labels.join('|').replace(/\n/g, ' '));
        return labels;
      }
    }, { label: 'rows' }]
  }, data, box);
  if (axis) {
    document.getElementById('chart-axis').textContent = 'Time in UTC: ' + (axis.hours ? utcDay(axis.min)
      : utcDay(axis.min) + ' to ' + utcDay(axis.max - DAY)) + '.';
  }
}

var progress = document.getElementById('progress');
if (progress) {
  setInterval(function () {
    fetch('/console/live', { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.json() : null; })
      .then(function (live) {
        if (!live) { return; }
        var p = live.progress;
        var line = p ? p.file + ' (run ' + p.runId + '): ' + p.phase + '; rows ' + p.rowsSettled + ' of ' + p.rowsRead
          + ' settled, writes ' + p.writesDone + ' of ' + p.writesPlanned + '; ETA ' + p.eta + '; ' + p.requests
          + ' requests, ' + p.throttled429 + ' answered 429' : 'No run in progress.';
        progress.textContent = line;
        var t = live.tenant;
        document.getElementById('requests-used').textContent = t.requestsLastMinute + ' of ' + t.limitPerMinute;
        document.getElementById('last-429').textContent = t.last429;
        document.getElementById('circuit').textContent = t.circuit;
        document.getElementById('window').textContent = t.window;
      }).catch(function () { });
  }, 2000);
}

var waiting = document.querySelector('[data-refresh]');
if (waiting) {
  setTimeout(function () { window.location.reload(); }, 1000 * Number(waiting.getAttribute('data-refresh')));
}
