/**
 * Imported for its effect: gives the chart model (`src/widgets/schedule-chart/model.ts`) the class
 * of every scheduler at once. The widgets provide them themselves (the playground loads most of
 * them as a chunk of their own); tests that sample a chart import this first.
 */
import { provideSchedulers } from '../../src/widgets/schedule-chart/model.ts';
import { schedulerClasses } from '../../src/widgets/schedule-chart/schedulers.ts';

provideSchedulers(schedulerClasses);
