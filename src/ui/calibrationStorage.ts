/**
 * The device's calibration kept in this browser's localStorage (compute/calibrationCodec.ts
 * reads and checks it), so that "auto" decides from the first request of the next visit.
 */
import { CALIBRATION_STORAGE_KEY, type CalibrationStorage } from '../compute/calibrationCodec';

/** localStorage under CALIBRATION_STORAGE_KEY; a blocked or full storage reads as empty and saves nothing. */
export const localCalibrationStorage: CalibrationStorage = {
  load() {
    try {
      return window.localStorage.getItem(CALIBRATION_STORAGE_KEY);
    } catch {
      return null;
    }
  },
  save(text) {
    try {
      window.localStorage.setItem(CALIBRATION_STORAGE_KEY, text);
    } catch {
      // private mode or a full storage: measured again next time
    }
  },
};
