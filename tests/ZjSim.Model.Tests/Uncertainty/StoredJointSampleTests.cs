using System.Security.Cryptography;
using System.Text;
using ZjSim.Model.Scenarios;
using ZjSim.Model.Uncertainty;

namespace ZjSim.Model.Tests.Uncertainty;

/// <summary>A run request names the posterior by the key of its stored JSON; nothing about the run changes with it.</summary>
public sealed class StoredJointSampleTests
{
    private static Scenario Drawn() =>
        ScenarioLoader.Load("baseline", TestConfig.Dir, new LoadOptions { Scale = 0.01, Parameters = ParameterSource.Posterior });

    [Fact]
    public void The_request_json_names_the_posterior_by_key_and_puts_back_to_the_canonical_json()
    {
        var scenario = Drawn();
        var joint = scenario.Uncertainty.Joint!;
        Assert.NotNull(joint);
        var stored = StoredJointSample.Of(joint);
        Assert.Equal(stored.Key, ParameterUncertainty.StoredSampleKey(scenario.RequestJson));
        // The rows stay out of the request: a thousand rows of 58 parameters against a few kilobytes.
        Assert.True(scenario.RequestJson.Length * 10 < scenario.CanonicalJson.Length,
            $"request {scenario.RequestJson.Length} bytes, canonical {scenario.CanonicalJson.Length}");
        Assert.Equal(scenario.CanonicalJson, ParameterUncertainty.WithStoredSample(scenario.RequestJson, stored));
        Assert.Equal(stored.Json, StoredJointSample.Find(stored.Key)?.Json);
    }

    [Fact]
    public void The_scenario_hash_is_still_taken_of_the_hash_form_of_the_canonical_json()
    {
        var scenario = Drawn();
        string expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ParameterUncertainty.HashForm(scenario.CanonicalJson))));
        Assert.Equal(expected, scenario.Hash);
    }

    [Fact]
    public void A_replication_draws_the_same_values_from_the_request_json_as_from_the_canonical_json()
    {
        var scenario = Drawn();
        var stored = StoredJointSample.Of(scenario.Uncertainty.Joint!);
        var (_, fromCanonical) = ParameterUncertainty.FromCanonicalJson(scenario.CanonicalJson);
        var (_, fromRequest) = ParameterUncertainty.FromCanonicalJson(scenario.RequestJson, key => new StoredJointSample(key, stored.Json).Sample());
        for (int r = 0; r < 20; r++)
            Assert.Equal(fromCanonical.Draw(3, r, 2021), fromRequest.Draw(3, r, 2021));
        Assert.Throws<InvalidOperationException>(() => ParameterUncertainty.FromCanonicalJson(scenario.RequestJson));
    }

    [Fact]
    public void A_stored_sample_whose_json_does_not_match_its_key_is_refused()
    {
        var stored = StoredJointSample.Of(Drawn().Uncertainty.Joint!);
        var tampered = stored with { Json = stored.Json.Replace("\"weighted\"", "\"indexed\"") };
        Assert.NotEqual(stored.Json, tampered.Json);
        Assert.Throws<InvalidOperationException>(() => tampered.Sample());
    }

    [Fact]
    public void A_copy_with_other_rows_gets_its_own_key()
    {
        var joint = Drawn().Uncertainty.Joint!;
        var fewer = joint.Without([joint.Paths[0]])!;
        Assert.NotEqual(StoredJointSample.Of(joint).Key, StoredJointSample.Of(fewer).Key);
        Assert.Equal(StoredJointSample.KeyOf(StoredJointSample.Of(fewer).Json), StoredJointSample.Of(fewer).Key);
    }
}
