/**
 * Chart.js with only what the widgets draw: line charts on linear or logarithmic axes.
 * Registering the parts explicitly lets the bundler drop every other chart type, scale and
 * plugin; hovering is shown by the widgets' own HTML readout (`../shared/hover-readout.ts`)
 * instead of the canvas tooltip plugin. A chunk of its own, loaded by the elements in parallel
 * with their controllers.
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
} from 'chart.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale);

export { Chart };
