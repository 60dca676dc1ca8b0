from __future__ import annotations

import numpy as np
import pytest

from knowledge.calibration import CalibrationError, expected_calibration_error, fit_logistic
from knowledge.confidence import HYBRID, LEXICAL_ONLY, ConfidenceModel


def test_fit_recovers_known_coefficients() -> None:
    rng = np.random.default_rng(3)
    x = rng.uniform(0, 1, size=(20_000, 2))
    p = 1 / (1 + np.exp(-(-2.0 + 3.0 * x[:, 0] + 1.5 * x[:, 1])))
    y = (rng.uniform(size=p.shape) < p).astype(int)
    fit = fit_logistic(x.tolist(), y.tolist())
    assert fit.bias == pytest.approx(-2.0, abs=0.15)
    assert fit.weights[0] == pytest.approx(3.0, abs=0.2)
    assert fit.weights[1] == pytest.approx(1.5, abs=0.2)


def test_fitted_probabilities_are_calibrated_in_sample() -> None:
    rng = np.random.default_rng(5)
    x = rng.uniform(0, 1, size=(5_000, 1))
    y = (rng.uniform(size=5_000) < x[:, 0]).astype(int)
    fit = fit_logistic(x.tolist(), y.tolist())
    model = ConfidenceModel(fit.bias, fit.weights[0])
    predicted = [model(float(v)) for v in x[:, 0]]
    assert expected_calibration_error(predicted, y.tolist()) < 0.03


def test_one_class_cannot_be_calibrated() -> None:
    with pytest.raises(CalibrationError, match="both labels"):
        fit_logistic([[0.1], [0.9]], [1, 1])
    with pytest.raises(CalibrationError):
        fit_logistic([], [])


def test_expected_calibration_error_of_perfect_and_wrong_predictions() -> None:
    assert expected_calibration_error([1.0, 0.0], [1, 0]) == 0.0
    assert expected_calibration_error([1.0, 0.0], [0, 1]) == 1.0


@pytest.mark.parametrize("model", [LEXICAL_ONLY, HYBRID])
def test_shipped_models_rise_with_every_signal_and_stay_in_the_unit_interval(
    model: ConfidenceModel,
) -> None:
    grid = [model(c / 10, s / 10) for c in range(11) for s in range(-2, 11)]
    assert all(0.0 < p < 1.0 for p in grid)
    assert model(0.9, 0.6) > model(0.5, 0.6) > model(0.1, 0.6)
    if model.w_cosine:
        assert model(0.5, 0.8) > model(0.5, 0.4)
