/**
 * Chart.js with only what `ScheduleChart` draws: line charts on linear or logarithmic axes, with
 * tooltips. Registering the parts explicitly lets the bundler drop every other chart type, scale
 * and plugin. A chunk of its own, loaded by `element.ts` in parallel with the controller.
 *
 * @module
 */
import {
  Chart,
  LineController,
  LineElement,
  LinearScale,
  LogarithmicScale,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Tooltip);

export { Chart };
