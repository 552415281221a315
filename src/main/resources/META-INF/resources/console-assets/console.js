// The console's few behaviours: confirm before a change, the runs chart (uPlot), the live panel, a
// preview page that refreshes until its plan is there. Text goes in with textContent, never as HTML.
document.querySelectorAll('form[data-confirm]').forEach(function (form) {
  form.addEventListener('submit', function (event) {
    if (!window.confirm(form.getAttribute('data-confirm'))) {
      event.preventDefault();
    }
  });
});

var chartData = document.getElementById('chart-data');
if (chartData && window.uPlot) {
  var data = JSON.parse(chartData.textContent);
  var box = document.getElementById('chart');
  var bars = uPlot.paths && uPlot.paths.bars ? uPlot.paths.bars({ size: [0.6, 40] }) : undefined;
  var series = function (label, colour) {
    return { label: label, stroke: colour, fill: colour + '55', width: 1, paths: bars, points: { show: true } };
  };
  new uPlot({
    width: Math.max(400, box.clientWidth || 900), height: 240,
    series: [{}, series('applied', '#2e7d32'), series('unchanged', '#90a4ae'), series('rejected', '#ef6c00'),
      series('failed', '#c62828')],
    axes: [{}, { label: 'rows' }]
  }, data, box);
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
