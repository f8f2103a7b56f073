// Quiet tfjs's "install tfjs-node" notice: the unit tests use the CPU backend on purpose.
import * as tf from '@tensorflow/tfjs-core';

tf.env().set('IS_TEST', true);
