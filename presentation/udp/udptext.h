#pragma once

#include "netcore/common/error.h"
#include "netcore/common/transcript.h"
#include "netcore/udp/hostresolver.h"
#include "netcore/udp/payload.h"
#include "netcore/udp/structformat.h"
#include "netcore/udp/udplistener.h"
#include "netcore/udp/udpsender.h"

#include <QString>

// The udp capability's facts as translated sentences: its transcript events (netcore::udp::Event), the sender's
// and the listener's errors, payload and struct errors (Python's struct wording, which students know).
// Sentences carry no position: callers that have one put it in front ("character 5: ...").
namespace presentation::udp {

QString eventText(const netcore::common::TranscriptEvent &event);

QString errorText(netcore::udp::UdpSender::Error error, const netcore::common::ErrorDetail &detail);
QString errorText(netcore::udp::UdpListener::Error error, const netcore::common::ErrorDetail &detail);
QString payloadErrorText(const netcore::udp::PayloadError &error);
QString structErrorText(const netcore::udp::StructError &error);
// Why a destination host did not resolve: "cannot resolve host 'x': no such host ...".
QString resolutionErrorText(const netcore::udp::HostResolution &resolution);
// "unicast", "limited broadcast", ...
QString destinationKindText(netcore::udp::DestinationKind kind);

} // namespace presentation::udp
