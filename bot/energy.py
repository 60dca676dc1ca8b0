"""The energy and emissions of one reply, estimated from what was measured while it was made:
the process's CPU seconds and, with a language model, the tokens it read and wrote.

Each figure comes with a low and a high bound, because every coefficient below is a published
average, not a measurement of this machine:

- CPU power per busy core: the Cloud Carbon Footprint methodology's maximum watts per vCPU
  (AWS 3.5 W, Azure 3.76 W, GCP 4.26 W; a core busy for the whole CPU time is at its maximum),
  central value their mean. https://www.cloudcarbonfootprint.org/docs/methodology
- Data-centre overhead (PUE): 1.1 (a hyperscale site, the CCF figure for GCP) to 1.58 (the
  Uptime Institute's 2022 global survey average), central 1.135 (CCF's figure for AWS).
- A model's energy per token: Samsi et al. 2023, "From Words to Watts: Benchmarking the Energy
  Costs of Large Language Model Inference" (arXiv:2310.03003), measured about 3 to 4 J per
  output token for LLaMA-65B on NVIDIA V100 and A100 GPUs. We scale it by parameter count
  (our assumption, stated as such: smaller models on the same hardware use less per token, not
  necessarily in proportion), and count a prompt token as a tenth of an output token (prompts
  are processed in parallel; also an assumption).
- Grid carbon intensity: a setting, in gCO2e per kWh, for the organisation's country.
- Tokens, where a model writes the answer: the adapters stream text, not token counts, so the
  tokens are estimated from characters, about four characters of English text per token
  (OpenAI's rule of thumb, "What are tokens and how to count them"; French and other languages
  run a little higher); the model's size is read from its name's size tag ("llama3.2:3b" is 3
  billion parameters, "smollm2-360m" 0.36 billion). A model whose name gives no size is
  counted by its tokens in the log but adds no energy (said, not guessed).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from bot.models.port import ChatMessage, ChatModel

JOULES_PER_WH = 3600.0

# Watts per busy vCPU (CCF maximum watts: AWS, Azure, GCP).
CORE_WATTS_LOW = 3.5
CORE_WATTS = (3.5 + 3.76 + 4.26) / 3
CORE_WATTS_HIGH = 4.26
PUE_LOW = 1.1
PUE = 1.135
PUE_HIGH = 1.58
# Samsi et al. 2023: LLaMA-65B, joules per output token.
REFERENCE_PARAMETERS_B = 65.0
OUTPUT_JOULES_LOW = 3.0
OUTPUT_JOULES_HIGH = 4.0
PROMPT_TOKEN_SHARE = 0.1


@dataclass(frozen=True)
class EnergyEstimate:
    """Watt-hours for one reply (central, low, high) and the grams of CO2e they stand for."""

    wh: float
    wh_low: float
    wh_high: float
    grid_g_per_kwh: float

    @property
    def g_co2e(self) -> float:
        return self.wh / 1000.0 * self.grid_g_per_kwh

    def as_fields(self) -> dict[str, int]:
        """The figures a reply's log entry carries, in microwatt-hours: entries hold no floats
        (RFC 8785 number rules, as confidence_permille), and a reply is about a thousand µWh.

        The bounds are rounded outwards (low down, high up), so they still hold the figure: a
        refusal decided in a tenth of a millisecond is 0 µWh central but at most 1 µWh."""
        return {
            "energy_uwh": round(self.wh * 1e6),
            "energy_uwh_low": math.floor(self.wh_low * 1e6),
            "energy_uwh_high": math.ceil(self.wh_high * 1e6),
        }


@dataclass(frozen=True)
class ModelUse:
    """A language model's part in a reply: its size and the tokens it read and wrote."""

    parameters_b: float
    prompt_tokens: int
    output_tokens: int


class InvalidMeasurement(ValueError):
    """A negative duration or token count: the measurement is wrong, not the reply."""


def estimate(
    cpu_seconds: float, model: ModelUse | None = None, *, grid_g_per_kwh: float
) -> EnergyEstimate:
    """The reply's energy from its CPU seconds and, when a model wrote it, its tokens."""
    if cpu_seconds < 0 or grid_g_per_kwh < 0:
        raise InvalidMeasurement("CPU seconds and carbon intensity cannot be negative")
    low = cpu_seconds * CORE_WATTS_LOW * PUE_LOW
    central = cpu_seconds * CORE_WATTS * PUE
    high = cpu_seconds * CORE_WATTS_HIGH * PUE_HIGH
    if model is not None:
        if min(model.parameters_b, model.prompt_tokens, model.output_tokens) < 0:
            raise InvalidMeasurement("model size and token counts cannot be negative")
        tokens = model.output_tokens + PROMPT_TOKEN_SHARE * model.prompt_tokens
        scale = model.parameters_b / REFERENCE_PARAMETERS_B
        low += tokens * OUTPUT_JOULES_LOW * scale * PUE_LOW
        central += tokens * (OUTPUT_JOULES_LOW + OUTPUT_JOULES_HIGH) / 2 * scale * PUE
        high += tokens * OUTPUT_JOULES_HIGH * scale * PUE_HIGH
    return EnergyEstimate(
        wh=central / JOULES_PER_WH,
        wh_low=low / JOULES_PER_WH,
        wh_high=high / JOULES_PER_WH,
        grid_g_per_kwh=grid_g_per_kwh,
    )


def reply_energy_fields(cpu_seconds: float, model: ModelUse | None = None) -> dict[str, int]:
    """What a reply's log entry carries: its energy alone, in µWh. Emissions are computed where
    the grid's carbon intensity is known (it is a setting, and may change; the energy does not).

    Measured as the CPU time of the thread that made the reply: work that thread hands to other
    threads (an embedding library's own thread pool) is not counted, so this is a lower figure.
    """
    return estimate(cpu_seconds, model, grid_g_per_kwh=0.0).as_fields()


CHARS_PER_TOKEN = 4.0
_SIZE_TAG = re.compile(r"(?<![0-9a-z.])(\d+(?:\.\d+)?)([bm])(?![a-z])", re.IGNORECASE)


def parameters_from_name(name: str) -> float | None:
    """Billions of parameters from a model name's size tag ("llama3.2:3b" -> 3.0), else None."""
    found = _SIZE_TAG.findall(name.replace("_", "-"))
    if not found:
        return None
    number, unit = found[-1]
    return float(number) / (1000.0 if unit.lower() == "m" else 1.0)


def tokens_in(characters: int) -> int:
    """Estimated tokens for `characters` of text (at least one for any text)."""
    return 0 if characters <= 0 else max(1, round(characters / CHARS_PER_TOKEN))


@dataclass
class ModelMeter:
    """A chat model whose prompts and replies are counted while one answer is written."""

    model: ChatModel
    prompt_chars: int = 0
    output_chars: int = 0
    calls: int = 0
    name: str = field(init=False)

    def __post_init__(self) -> None:
        self.name = self.model.name

    def stream(self, messages: Sequence[ChatMessage], *, max_tokens: int = 512) -> Iterator[str]:
        self.calls += 1
        self.prompt_chars += sum(len(m.content) for m in messages)
        for piece in self.model.stream(messages, max_tokens=max_tokens):
            self.output_chars += len(piece)
            yield piece

    def available(self) -> bool:
        return self.model.available()

    def tokens(self) -> tuple[int, int] | None:
        """Estimated (prompt, output) tokens so far; None when the model was not called."""
        if not self.calls:
            return None
        return tokens_in(self.prompt_chars), tokens_in(self.output_chars)

    def use(self) -> ModelUse | None:
        """The model's part so far; None when it was not called or its size is unknown."""
        size, tokens = parameters_from_name(self.name), self.tokens()
        if tokens is None or size is None:
            return None
        return ModelUse(size, *tokens)
