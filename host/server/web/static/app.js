// The host's small behaviours, for pages that work without them too.
// - A checkbox with data-check-group="G" ticks and unticks every checkbox
//   with data-group="G", and follows them (ticked when all are, mixed
//   when some are).
'use strict';

(function () {
	function members(group) {
		return Array.prototype.slice.call(document.querySelectorAll('input[type="checkbox"][data-group="' + group + '"]'));
	}

	function follow(all) {
		var boxes = members(all.getAttribute('data-check-group'));
		var ticked = boxes.filter(function (box) { return box.checked; }).length;
		all.checked = boxes.length > 0 && ticked === boxes.length;
		all.indeterminate = ticked > 0 && ticked < boxes.length;
	}

	document.addEventListener('change', function (event) {
		var target = event.target;
		if (!(target instanceof HTMLInputElement) || target.type !== 'checkbox') return;
		var group = target.getAttribute('data-check-group');
		if (group) {
			members(group).forEach(function (box) { box.checked = target.checked; });
			target.indeterminate = false;
			return;
		}
		var member = target.getAttribute('data-group');
		if (member) {
			var all = document.querySelector('input[data-check-group="' + member + '"]');
			if (all) follow(all);
		}
	});

	function start() {
		Array.prototype.forEach.call(document.querySelectorAll('input[data-check-group]'), follow);
	}
	if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
	else start();
})();
