/** Name of the throttler that limits login attempts per client address (see AuthModule). */
export const LOGIN_THROTTLE = 'login';
